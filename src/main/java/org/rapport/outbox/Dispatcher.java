package org.rapport.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Drains the outbox on this instance: claims a batch, delivers it, and goes on until nothing is due or the time budget
 * is spent. At most {@code rapport.mail.dispatch.threads} drains run at once per instance; each keeps its own SMTP
 * connection for all its batches.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());

    static final String INSTANCE = org.rapport.platform.jobs.InstanceName.VALUE;

    @Inject
    DispatchStore store;

    @Inject
    Postmen postmen;

    @Inject
    MailSettings settings;

    private volatile Semaphore slots;

    /** @return the number of messages this drain dealt with (sent, failed, suppressed or put back) */
    public int drain() {
        Semaphore permits = slots();
        if (!permits.tryAcquire()) {
            return 0;
        }
        int handled = 0;
        long deadline = System.nanoTime() + settings.budget().toNanos();
        Throttle throttle = settings.throttle();
        try (Postman postman = postmen.open()) {
            int rolledBack = 0;
            while (System.nanoTime() < deadline) {
                List<Long> claimed;
                try {
                    claimed = store.claim(INSTANCE, settings.batchSize());
                } catch (RuntimeException e) {
                    // the database chose this claim as a deadlock victim: nothing was claimed, so simply claim again
                    if (!rolledBackByDatabase(e) || ++rolledBack > 3) {
                        throw e;
                    }
                    continue;
                }
                if (claimed.isEmpty()) {
                    break;
                }
                handled += store.deliver(claimed, INSTANCE, postman, throttle).size();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Outbox dispatch stopped; claimed messages return when their lease runs out", e);
        } finally {
            permits.release();
        }
        return handled;
    }

    private static boolean rolledBackByDatabase(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLTransactionRollbackException) {
                return true;
            }
        }
        return false;
    }

    private Semaphore slots() {
        Semaphore s = slots;
        if (s == null) {
            synchronized (this) {
                if (slots == null) {
                    slots = new Semaphore(settings.dispatchThreads());
                }
                s = slots;
            }
        }
        return s;
    }
}
