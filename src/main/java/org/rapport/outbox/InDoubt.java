package org.rapport.outbox;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The log lines that name a message which may arrive twice (ADR 0003), written by the instance that sends it again, and
 * read back by those who count duplicates (DispatchCrashIT, the fault benchmark): one format in one place. Plain Java:
 * the benchmark compiles it from here.
 */
public final class InDoubt {

    private static final Pattern ACCEPTED_BUT_LOST =
            Pattern.compile("Outbox message (\\d+) was accepted by the SMTP server but its transaction was lost");
    private static final Pattern SENT_AGAIN = Pattern.compile("Outbox messages \\[([\\d, ]+)\\] were claimed but not recorded");

    private InDoubt() {
    }

    /** The SMTP server took the message, then the transaction that was to record it was lost. */
    static String acceptedButLost(long id) {
        return "Outbox message " + id + " was accepted by the SMTP server but its transaction was lost; recording it as SENT"
                + " on its own";
    }

    /** Claims whose lease ran out go back to the queue: whether each had left is unknown. */
    static String sentAgain(Collection<Long> ids) {
        return "Outbox messages " + ids + " were claimed but not recorded before their lease ran out (their instance stopped,"
                + " or lost the database): they are sent again, and any of them may already have arrived (in doubt)";
    }

    /** The outbox ids that lines of a log name as in doubt. */
    public static Set<Long> in(Iterable<String> logLines) {
        Set<Long> ids = new HashSet<>();
        for (String line : logLines) {
            Matcher lost = ACCEPTED_BUT_LOST.matcher(line);
            if (lost.find()) {
                ids.add(Long.parseLong(lost.group(1)));
            }
            Matcher again = SENT_AGAIN.matcher(line);
            if (again.find()) {
                for (String id : again.group(1).split(",\\s*")) {
                    ids.add(Long.parseLong(id.trim()));
                }
            }
        }
        return ids;
    }
}
