package org.rapport.calllists;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.rapport.calllists.CallListMapper.Seller;
import org.rapport.platform.security.Access;
import org.rapport.users.UserService;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/** The calendar feed: a salesperson's list for their own local today, for a link that is still valid. */
@ApplicationScoped
public class CalendarFeed {

    @Inject
    CallListMapper mapper;

    @Inject
    CallListService callLists;

    @Inject
    Clock clock;

    @Inject
    UserService users;

    /**
     * Today's list of the salesperson a feed link names, if the link is of the feed's current generation and someone
     * may still log in for that salesperson; empty otherwise (a revoked link, a disabled login).
     */
    public Optional<String> today(long salespersonId, long generation) {
        if (mapper.feedGeneration(salespersonId) != generation || !users.hasEnabledLogin(salespersonId)) {
            return Optional.empty();
        }
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
