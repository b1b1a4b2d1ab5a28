package org.rapport.netweaving;

import org.rapport.planning.BusinessCalendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * When an unanswered consent request gets its one reminder and when it expires, in business days of the customer asked
 * (Monday to Friday, no public holiday of their region, no company holiday), counted in their time zone from
 * {@code requestedAt} (the caller passes the request's {@code not_before}, inside their send window, not the moment it
 * was queued), that day not included, and only whole days: the day it is now counts once it is over, so "within 10
 * business days" leaves the customer all of the tenth. The reminder goes once {@code remindAfter} business days have
 * passed; the request expires once {@code expireAfter} have passed and the reminder is at least
 * {@code expireAfter - remindAfter} business days old, so a reminder sent late (after a downtime) still leaves the
 * customer that long to answer, and nothing expires unreminded.
 */
public record ConsentDeadlines(int remindAfter, int expireAfter) {

    /** The "no answer within 10 business days: one reminder, then expired", the reminder half-way. */
    public static final ConsentDeadlines DEFAULTS = new ConsentDeadlines(5, 10);

    /** Longer than any count here: a request this old in calendar days is counted no further. */
    private static final int COUNT_LIMIT_DAYS = 400;

    public enum Due { NOTHING, REMIND, EXPIRE }

    public ConsentDeadlines {
        if (remindAfter < 1 || remindAfter > 60) {
            throw new IllegalArgumentException("RAPPORT_INTRODUCTIONS_CONSENT_REMIND_AFTER_BUSINESS_DAYS must be 1 to 60, not "
                    + remindAfter);
        }
        if (expireAfter <= remindAfter || expireAfter > 120) {
            throw new IllegalArgumentException("RAPPORT_INTRODUCTIONS_CONSENT_EXPIRE_AFTER_BUSINESS_DAYS must be more than the "
                    + "reminder's " + remindAfter + " and at most 120, not " + expireAfter);
        }
    }

    /**
     * @param remindedAt null when no reminder went yet
     */
    public Due due(BusinessCalendar calendar, Instant requestedAt, Instant remindedAt, Instant now, ZoneId zone,
                   String region) {
        LocalDate passed = now.atZone(zone).toLocalDate().minusDays(1); // the last whole day
        int sinceRequest = businessDaysAfter(calendar, requestedAt.atZone(zone).toLocalDate(), passed, region);
        if (remindedAt == null) {
            return sinceRequest >= remindAfter ? Due.REMIND : Due.NOTHING;
        }
        int sinceReminder = businessDaysAfter(calendar, remindedAt.atZone(zone).toLocalDate(), passed, region);
        return sinceRequest >= expireAfter && sinceReminder >= expireAfter - remindAfter ? Due.EXPIRE : Due.NOTHING;
    }

    /**
     * The moment a request (or its reminder) counts from once the outbox says it left at {@code sentAt}: that moment
     * when it is later than the one stored (the send window's opening it was queued for; a retry, the throttle or a
     * downtime held it longer), else the one stored (it left when planned, or earlier: a window opened early).
     *
     * @param stored null when nothing is stored
     */
    public static Instant countedFrom(Instant stored, Instant sentAt) {
        return stored == null || sentAt.isAfter(stored) ? sentAt : stored;
    }

    /** The business days after {@code from} up to and including {@code to}. */
    static int businessDaysAfter(BusinessCalendar calendar, LocalDate from, LocalDate to, String region) {
        int count = 0;
        LocalDate d = from.plusDays(1);
        for (int i = 0; !d.isAfter(to) && i < COUNT_LIMIT_DAYS; i++, d = d.plusDays(1)) {
            if (calendar.isBusinessDay(d, region)) {
                count++;
            }
        }
        return count;
    }
}
