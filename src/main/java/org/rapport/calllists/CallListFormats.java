package org.rapport.calllists;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.rapport.platform.web.CsvCells;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * A call list as CSV (for spreadsheets) and as iCalendar (for calendar apps): one event per call, in list order, in
 * slots from the start of the salesperson's working day. Times are written in UTC, which every client reads alike.
 * CSV cells that a spreadsheet would run as a formula are neutralised ({@link CsvCells}).
 */
public final class CallListFormats {

    static final LocalTime FIRST_CALL = LocalTime.of(9, 0);
    static final Duration SLOT = Duration.ofMinutes(15);

    private static final String[] COLUMNS = {"position", "priority", "rule", "channel", "customer", "company",
            "preferred_name", "contact_name", "phone", "local_time_now", "reason", "due_on", "due_by", "tries", "covering_for",
            "status", "urgency", "held_by", "backlog", "days_overdue"};

    private CallListFormats() {
    }

    public static String csv(CallList list) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(COLUMNS).get())) {
            for (CallListItem i : list.items()) {
                printer.printRecord(CsvCells.of(i.position, i.priority, i.rule, i.channel, i.customer, i.company, i.preferredName,
                        i.contactName, i.phone, i.localTimeNow, i.reason, i.dueOn, i.dueBy, i.tries, i.coveringFor, i.status, i.urgency,
                        i.heldBy, i.backlog, i.daysOverdue));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    public static String ics(CallList list, ZoneId salespersonZone) {
        Calendar calendar = new Calendar()
                .add(new ProdId("-//Rapport//Call list//EN"))
                .add(ImmutableVersion.VERSION_2_0)
                .add(ImmutableCalScale.GREGORIAN);
        ZonedDateTime slot = ZonedDateTime.of(list.date(), FIRST_CALL, salespersonZone);
        for (CallListItem item : list.items()) {
            ZonedDateTime start = slot.withZoneSameInstant(ZoneOffset.UTC);
            // an escalated call waits for the manager's decision: its holder sees it marked, not as a call to make
            String summary = (item.escalated ? "Escalated: " : "") + ("VISIT".equals(item.channel) ? "Visit " : "Call ") + item.company
                    + (item.preferredName == null || item.preferredName.isBlank() ? "" : " (" + item.preferredName + ")");
            VEvent event = new VEvent(start, start.plus(SLOT), summary)
                    .add(new Uid("planned-touch-" + item.id + "-" + list.date() + "@rapport"))
                    .add(new Description(description(item)));
            calendar.add(event);
            slot = slot.plus(SLOT);
        }
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Personal notes stay out: a calendar is synced to phones and shared with assistants, and a feed link can leak. */
    private static String description(CallListItem i) {
        StringBuilder d = new StringBuilder(i.reason == null ? "" : i.reason);
        if (i.phone != null && !i.phone.isBlank()) {
            d.append("\nPhone: ").append(i.phone);
        }
        d.append("\nTheir local time: ").append(i.localTimeNow);
        if (i.preferences != null && !i.preferences.isBlank()) {
            d.append("\nPreferences: ").append(i.preferences);
        }
        return d.toString();
    }
}
