package org.rapport.testing;

import jakarta.json.JsonObject;
import org.rapport.planning.BusinessCalendar;
import org.rapport.planning.JollydayHolidays;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.stream.Collectors;

/**
 * The customers' send windows (the rules' hours on the customer's business days) as ITs meet them. The shared server
 * runs on the real clock, so a test that waits for mail held to a window opens it: the customer's waiting mail is moved
 * to now, as if the window had come. A test about the window itself gives its customer a zone where it is closed now.
 */
public final class SendWindow {

    /** The window's hours as the rules have them now. */
    public record Hours(LocalTime start, LocalTime end) {
    }

    private SendWindow() {
    }

    public static Hours hours(Api api) {
        JsonObject policy = api.asAdmin().get("api/rules").json().getJsonObject("contact_policy");
        return new Hours(LocalTime.parse(policy.getString("send_window_start")), LocalTime.parse(policy.getString("send_window_end")));
    }

    /**
     * A zone (a whole-hour offset, Etc/GMT) whose local time is now about halfway from the window's end to its next
     * start: far from either.
     */
    public static ZoneId zoneWhereClosed(Hours hours) {
        int gapHours = (int) Duration.between(hours.end(), hours.start()).plusHours(24).toHours() % 24;
        return zoneAt((hours.end().getHour() + gapHours / 2) % 24);
    }

    /** A zone (a whole-hour offset, Etc/GMT) whose local time is now about the middle of the window. */
    public static ZoneId zoneWhereOpen(Hours hours) {
        int length = (int) Duration.between(hours.start(), hours.end()).plusHours(24).toHours() % 24;
        return zoneAt((hours.start().getHour() + length / 2) % 24);
    }

    /** A zone (a whole-hour offset, Etc/GMT) whose local hour is {@code hour} now. */
    private static ZoneId zoneAt(int hour) {
        int offset = hour - ZonedDateTime.now(ZoneOffset.UTC).getHour();
        while (offset < -12) {
            offset += 24;
        }
        while (offset > 14) {
            offset -= 24;
        }
        // Etc/GMT names carry the sign the other way round: Etc/GMT-5 is UTC+05:00
        return ZoneId.of(offset == 0 ? "Etc/UTC" : "Etc/GMT" + (offset > 0 ? "-" : "+") + Math.abs(offset));
    }

    /** The window's first moment at or after {@code from}, on the business days of the region and the company's holidays. */
    public static Instant nextOpening(Api api, Hours hours, Instant from, ZoneId zone, String region) {
        BusinessCalendar calendar = new BusinessCalendar(new JollydayHolidays(), api.asAdmin().get("api/holidays").array()
                .getValuesAs(JsonObject.class).stream().map(h -> LocalDate.parse(h.getString("date"))).collect(Collectors.toSet()));
        return calendar.sendMoment(from, zone, region, hours.start(), hours.end());
    }

    /**
     * Set-up: the customer's window opens now. Their email waiting for a later moment may leave at once.
     *
     * @return how many messages it moved
     */
    public static int open(String customerExternalId) {
        try (Connection db = DriverManager.getConnection(System.getenv("RAPPORT_DB_URL"), System.getenv("RAPPORT_DB_USER"),
                System.getenv("RAPPORT_DB_PASSWORD"));
             PreparedStatement now = db.prepareStatement("UPDATE outbox_message SET not_before = UTC_TIMESTAMP(3) "
                     + "WHERE status = 'PENDING' AND not_before > UTC_TIMESTAMP(3) "
                     + "AND customer_id = (SELECT id FROM customer WHERE external_id = ?)")) {
            now.setString(1, customerExternalId);
            return now.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not open the send window of " + customerExternalId, e);
        }
    }
}
