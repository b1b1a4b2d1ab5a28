package org.rapport.retention;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;

/**
 * How long each kind of personal text is kept, and the moment before which it goes. Ages are calendar periods counted
 * back from now in UTC ({@code P2Y}: two years, whatever the leap days).
 */
public record RetentionAges(Period messageBodies, Period replySnippets, Period clicks, Period callNotes) {

    /** Less than a day would remove the text of what is still being worked on (a reply read this morning). */
    static final Period SHORTEST = Period.ofDays(1);

    public RetentionAges {
        check("rapport.retention.message-bodies", messageBodies);
        check("rapport.retention.reply-snippets", replySnippets);
        check("rapport.retention.clicks", clicks);
        check("rapport.retention.call-notes", callNotes);
    }

    /** Parses one setting, naming it when the value is no ISO period such as {@code P2Y} or {@code P90D}. */
    static Period parse(String setting, String value) {
        try {
            return Period.parse(value.trim());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(setting + " must be an ISO period such as P2Y or P90D, not '" + value + "'");
        }
    }

    private static void check(String setting, Period age) {
        if (age == null || age.isNegative() || Instant.EPOCH.atOffset(ZoneOffset.UTC).plus(age)
                .isBefore(Instant.EPOCH.atOffset(ZoneOffset.UTC).plus(SHORTEST))) {
            throw new IllegalArgumentException(setting + " must be at least one day (P1D), not " + age);
        }
    }

    Cutoffs cutoffs(Clock clock) {
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        return new Cutoffs(now.toInstant(), now.minus(messageBodies).toInstant(), now.minus(replySnippets).toInstant(),
                now.minus(clicks).toInstant(), now.minus(callNotes).toInstant());
    }

    /** The moments before which each kind of text is removed, read once per run from the one clock. */
    public record Cutoffs(Instant now, Instant messageBodies, Instant replySnippets, Instant clicks, Instant callNotes) {
    }
}
