package org.rapport.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The stop on SIGTERM or SIGINT: Payara's own shutdown hook stops the application, and only when it is done (or has
 * had its time) is the embedded database stopped; a database that goes away under a running application leaves Quartz
 * retrying forever. Every wait is bounded: after {@link #HARD_LIMIT} the process ends whatever still runs.
 */
final class OrderlyStop extends Thread {

    /** The name Payara Micro gives its shutdown hook (PayaraMicroImpl, 6.2025.10). */
    static final String PAYARA_HOOK = "Payara Micro Shutdown Hook";
    static final Duration APPLICATION_LIMIT = Duration.ofSeconds(15);
    static final Duration DATABASE_LIMIT = Duration.ofSeconds(5);
    /** How long a stop waits for a database start still under way; the three limits add up to less than the hard one. */
    static final Duration DATABASE_START_LIMIT = Duration.ofSeconds(3);
    static final Duration HARD_LIMIT = Duration.ofSeconds(25);

    private final CompletableFuture<EmbeddedDatabase> starting;
    private final Path dataDir;

    /**
     * {@code starting} is the embedded database's start, or null when Rapport uses an external database; its data is
     * under {@code dataDir}.
     */
    OrderlyStop(CompletableFuture<EmbeddedDatabase> starting, Path dataDir) {
        super("rapport-orderly-stop");
        this.starting = starting;
        this.dataDir = dataDir;
    }

    @Override
    public void run() {
        long started = System.nanoTime();
        startWatchdog();
        Thread payara = started(PAYARA_HOOK, Duration.ofSeconds(2));
        if (payara == null) {
            System.out.println("Rapport: Payara is not running");
        } else {
            join(payara, APPLICATION_LIMIT);
            if (!payara.isAlive()) {
                System.out.println("Rapport: application stopped in " + millisSince(started) + " ms");
            }
        }
        if (starting != null) {
            EmbeddedDatabase db = database(DATABASE_START_LIMIT);
            if (db != null) {
                db.stop(DATABASE_LIMIT);
                System.out.println("Rapport: embedded MariaDB stopped in " + millisSince(started) + " ms");
            } else {
                EmbeddedDatabase.killUnder(dataDir); // stopped while it was still starting: not left running
                System.out.println("Rapport: the embedded MariaDB was still starting; ended it");
            }
        }
        if (payara != null && payara.isAlive()) {
            System.out.println("Rapport: the application did not stop within " + APPLICATION_LIMIT.toSeconds() + " s; ending the process");
            Runtime.getRuntime().halt(1);
        }
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    /** Ends the process when the shutdown hooks (ours and any other) have not finished in time. */
    private void startWatchdog() {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(HARD_LIMIT.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            System.out.println("Rapport: still stopping after " + HARD_LIMIT.toSeconds() + " s; ending the process");
            if (starting != null) {
                EmbeddedDatabase.killUnder(dataDir); // started or still starting
            }
            Runtime.getRuntime().halt(1);
        }, "rapport-stop-watchdog");
        watchdog.setDaemon(true); // the JVM does not wait for it once every hook is done
        watchdog.start();
    }

    /** The embedded database once started (waiting up to {@code limit} for a start under way), or null. */
    private EmbeddedDatabase database(Duration limit) {
        if (starting == null) {
            return null;
        }
        try {
            return starting.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return starting.getNow(null);
        } catch (ExecutionException | TimeoutException e) {
            return null; // it never started, or is still starting after the limit
        }
    }

    /** The hook thread with this name; all hooks are started together, so it shows up within moments. */
    private static Thread started(String name, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        do {
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (name.equals(t.getName())) {
                    return t;
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        } while (System.nanoTime() < deadline);
        return null; // Payara never started: nothing to wait for
    }

    private static void join(Thread thread, Duration limit) {
        try {
            thread.join(limit.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
