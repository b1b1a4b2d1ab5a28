package org.rapport.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * Watches the outbox's retry bookkeeping from the outside, once a second over its own JDBC connection, while the SMTP
 * server is in trouble: the backoff each row was given and the gaps between a message's counted attempts.
 * <ul>
 *   <li>{@link #maxScheduledWait()}: the longest wait a PENDING row was given after it was last claimed
 *   ({@code not_before - last_attempt_at}): the backoff after a failed attempt, or the wait of a message put back untried
 *   when the server could not be reached. The cap holds when this stays within the cap plus its +20 % jitter.</li>
 *   <li>{@link #maxAttemptGap()}: the longest time between two counted attempts of one message (attempts are counted at
 *   the claim, {@code last_attempt_at}; a claim given back untried counts none), read from rows at rest (PENDING, SENT,
 *   FAILED) whose last claim was a counted attempt. It includes the waits of messages put back untried in between, and
 *   the queue after the server's return: what a customer waits, not the backoff alone.</li>
 * </ul>
 */
final class OutboxAttempts implements AutoCloseable {

    /** The reason DispatchStore.putBack writes: the claim did not count as an attempt. */
    private static final String PUT_BACK = "not tried:%";

    private final String url;
    private final Thread thread;
    private final Map<Long, Seen> seen = new HashMap<>();
    private volatile boolean running = true;
    private volatile Duration maxScheduledWait = Duration.ZERO;
    private volatile Duration maxAttemptGap = Duration.ZERO;
    private volatile String failure;

    private record Seen(int attempts, Instant at) {
    }

    OutboxAttempts(String url) {
        this.url = url;
        this.thread = new Thread(this::watch, "outbox-attempts");
        thread.setDaemon(true);
        thread.start();
    }

    Duration maxScheduledWait() {
        return maxScheduledWait;
    }

    Duration maxAttemptGap() {
        return maxAttemptGap;
    }

    private void watch() {
        while (running) {
            try (Connection c = DriverManager.getConnection(url, "root", "")) {
                while (running) {
                    poll(c);
                    Thread.sleep(1000);
                }
            } catch (SQLException e) {
                failure = e.toString(); // the next round connects again
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void poll(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id, status, attempts, last_attempt_at, not_before,"
                + " COALESCE(last_error LIKE ?, FALSE) FROM outbox_message"
                + " WHERE last_attempt_at IS NOT NULL AND status IN ('PENDING', 'SENT', 'FAILED')")) {
            s.setString(1, PUT_BACK);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Instant claimed = utc(r.getString(4));
                    if (r.getString(2).equals("PENDING")) {
                        Duration wait = Duration.between(claimed, utc(r.getString(5)));
                        if (wait.compareTo(maxScheduledWait) > 0) {
                            maxScheduledWait = wait;
                        }
                    }
                    if (r.getBoolean(6)) {
                        continue; // the last claim was given back untried: its time is no attempt's
                    }
                    long id = r.getLong(1);
                    int attempts = r.getInt(3);
                    Seen before = seen.get(id);
                    if (before == null || attempts > before.attempts()) {
                        if (before != null && attempts == before.attempts() + 1) {
                            Duration gap = Duration.between(before.at(), claimed);
                            if (gap.compareTo(maxAttemptGap) > 0) {
                                maxAttemptGap = gap;
                            }
                        }
                        seen.put(id, new Seen(attempts, claimed));
                    }
                }
            }
        }
    }

    /** A DATETIME the service wrote, which is UTC. */
    static Instant utc(String datetime) {
        return LocalDateTime.parse(datetime.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(10_000);
        if (failure != null) {
            Bench.log("the outbox watch lost its connection at least once: %s", failure);
        }
    }
}
