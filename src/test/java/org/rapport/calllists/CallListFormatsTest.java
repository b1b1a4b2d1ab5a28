package org.rapport.calllists;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CallListFormatsTest {

    static final LocalDate DAY = LocalDate.of(2026, 12, 2);

    @Test
    void eachCallIsAnEventInListOrderInFifteenMinuteSlotsFromNine() throws Exception {
        CallList list = list(item(11, "Alpha GmbH", "Alfred", "CALL"), item(12, "Beta KG", "", "VISIT"));

        List<VEvent> events = events(CallListFormats.ics(list, ZoneId.of("Europe/Berlin")));

        assertThat(events).extracting(e -> e.getProperty("SUMMARY").orElseThrow().getValue())
                .containsExactly("Call Alpha GmbH (Alfred)", "Visit Beta KG");
        assertThat(events).extracting(e -> e.getProperty("UID").orElseThrow().getValue())
                .containsExactly("planned-touch-11-2026-12-02@rapport", "planned-touch-12-2026-12-02@rapport");
        // 09:00 and 09:15 in Berlin (UTC+1 in December), written in UTC
        assertThat(events).extracting(e -> e.getProperty("DTSTART").orElseThrow().getValue())
                .containsExactly("20261202T080000Z", "20261202T081500Z");
    }

    @Test
    void theDescriptionHasTheReasonPhoneAndPreferencesButNeverPersonalNotes() throws Exception {
        CallListItem item = item(11, "Alpha GmbH", "Alfred", "CALL");
        item.personalNotes = "two kids, loves sailing";

        VEvent event = events(CallListFormats.ics(list(item), ZoneId.of("Europe/Berlin"))).get(0);

        String description = event.getProperty("DESCRIPTION").orElseThrow().getValue();
        assertThat(description).contains("no conversation on record", "Phone: +49 30 1234", "Preferences: mornings only")
                .doesNotContain("sailing").doesNotContain("Notes");
    }

    @Test
    void anEscalatedCallIsMarkedInTheCalendarAndTheCsv() throws Exception {
        CallListItem escalated = item(13, "Gamma AG", "Gina", "CALL");
        escalated.escalated = true;
        escalated.status = "ESCALATED";
        escalated.urgency = "ESCALATED";
        escalated.heldBy = "S7";
        CallListItem open = item(14, "Delta SE", "", "CALL");
        open.status = "OPEN";
        open.urgency = "COURTESY";
        CallList list = list(escalated, open);

        assertThat(events(CallListFormats.ics(list, ZoneId.of("Europe/Berlin")))).extracting(e -> e.getProperty("SUMMARY").orElseThrow().getValue())
                .containsExactly("Escalated: Call Gamma AG (Gina)", "Call Delta SE");
        List<org.apache.commons.csv.CSVRecord> rows = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader()
                .setSkipHeaderRecord(true).get().parse(new StringReader(CallListFormats.csv(list))).getRecords();
        assertThat(rows).extracting(r -> r.get("status") + "/" + r.get("urgency") + "/" + r.get("held_by"))
                .containsExactly("ESCALATED/ESCALATED/S7", "OPEN/COURTESY/");
    }

    private static CallList list(CallListItem... items) {
        return new CallList("S1", "Europe/Berlin", DAY, true, false, 20, List.of(items), 0);
    }

    private static CallListItem item(long id, String company, String preferredName, String channel) {
        CallListItem i = new CallListItem();
        i.id = id;
        i.channel = channel;
        i.company = company;
        i.preferredName = preferredName;
        i.reason = "no conversation on record";
        i.phone = "+49 30 1234";
        i.localTimeNow = "09:42 Europe/Berlin";
        i.preferences = "mornings only";
        return i;
    }

    private static List<VEvent> events(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics)).getComponents("VEVENT");
    }
}
