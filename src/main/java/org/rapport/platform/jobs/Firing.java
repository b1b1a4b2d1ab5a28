package org.rapport.platform.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One firing of a scheduled job: which job, the moment its trigger named, when it fired and on which instance. Written
 * as one log line by {@link FiringLog} and read back by those who count firings (the fault benchmark's {@code triggers}
 * scenario: duplicates by job and scheduled time, lateness): one format in one place. Plain Java: the benchmark compiles
 * it from here.
 */
public record Firing(String job, Instant scheduled, Instant fired, String instance) {

    private static final Pattern LINE = Pattern.compile("Job (\\S+) fired for (\\S+) at (\\S+) on (\\S+)");

    /** How late it fired (zero or more). */
    public Duration lateness() {
        return Duration.between(scheduled, fired);
    }

    String line() {
        return "Job " + job + " fired for " + scheduled + " at " + fired + " on " + instance + " (" + lateness().toMillis()
                + " ms late)";
    }

    /** The firings that lines of a log record. */
    public static List<Firing> in(Iterable<String> logLines) {
        List<Firing> firings = new ArrayList<>();
        for (String line : logLines) {
            Matcher m = LINE.matcher(line);
            if (m.find()) {
                firings.add(new Firing(m.group(1), Instant.parse(m.group(2)), Instant.parse(m.group(3)), m.group(4)));
            }
        }
        return firings;
    }
}
