package org.rapport.platform.pages;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * How long something has waited, as every page says it: whole days since it began ("under a day" below one, never
 * negative when a clock runs a little ahead of the database's), in the reader's language. The age badges of
 * {@code /approvals} and {@code /netweaving} both read it here.
 */
public final class Age {

    /** The text of an age in days ({@code {0,choice,0#under a day|1#1 day|1<{0} days}}). */
    static final String TEXT = "age.days";

    private Age() {
    }

    /** Whole days from {@code since} to {@code now}; 0 when {@code since} is unknown or later than {@code now}. */
    public static long days(Instant since, Instant now) {
        return since == null ? 0 : Math.max(0, Duration.between(since, now).toDays());
    }

    /** The age of {@code days} whole days in the language of {@code locale}: "under a day", "1 day", "12 days". */
    public static String text(Locale locale, long days) {
        return Texts.format(locale, TEXT, days);
    }
}
