package org.rapport.team;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.rapport.platform.pages.Language;
import org.rapport.platform.security.Viewer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/**
 * Moments and dates on a page, as its reader reads them: in the zone of the login's salesperson (an admin's login has
 * none: UTC) and in the page's language. Stored times are UTC; this is the one place pages turn them into the reader's.
 * Pages use {@code #{readerTime.when(t.occurredAt)}}.
 */
@Named
@RequestScoped
public class ReaderTime {

    @Inject
    TeamService team;

    @Inject
    Viewer viewer;

    @Inject
    Language language;

    private ZoneId zone;

    /** Date and time, e.g. "4 Dec 2026, 09:30". */
    public String when(Instant at) {
        return at == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(language.getLocale()).format(at.atZone(zone()));
    }

    /** The reader's calendar day of a moment, e.g. "4 Dec 2026". */
    public String day(Instant at) {
        return at == null ? "" : day(at.atZone(zone()).toLocalDate());
    }

    public String day(LocalDate date) {
        return date == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(language.getLocale()).format(date);
    }

    public ZoneId zone() {
        if (zone == null) {
            zone = team.zoneOf(viewer.user());
        }
        return zone;
    }
}
