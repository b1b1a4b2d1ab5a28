package org.rapport.calllists;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.rapport.calllists.CallListMapper.Seller;
import org.rapport.platform.security.Access;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/** The calendar feed: a salesperson's list for their own local today. */
@ApplicationScoped
public class CalendarFeed {

    @Inject
    CallListMapper mapper;

    @Inject
    CallListService callLists;

    @Inject
    Clock clock;

    public Optional<String> today(long salespersonId) {
        return mapper.sellerById(salespersonId).map(seller -> {
            ZoneId zone = zone(seller);
            CallList list = callLists.list(Access.EVERYTHING, seller.externalId, LocalDate.ofInstant(clock.instant(), zone));
            return CallListFormats.ics(list, zone);
        });
    }

    private static ZoneId zone(Seller seller) {
        try {
            return ZoneId.of(seller.timeZone);
        } catch (RuntimeException e) {
            return ZoneId.of("UTC");
        }
    }
}
