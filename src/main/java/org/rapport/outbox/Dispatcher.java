package org.rapport.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Drains the outbox on this instance: claims a batch, delivers it one message at a time, and goes on until nothing is
 * due, the time budget is spent or the SMTP server cannot be reached. At most {@code rapport.mail.dispatch.threads}
 * drains run at once per instance; each keeps its own SMTP connection for all its batches.
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
            while (System.nanoTime() < deadline) {
                // a claim the database chose as a deadlock victim claimed nothing: simply claim again
                List<Long> claimed = again(() -> store.claim(INSTANCE, settings.batchSize()));
                if (claimed.isEmpty()) {
                    break;
                }
                handled += deliver(claimed, postman, throttle);
                if (postman.unreachable()) {
                    break; // the rest waits for the next run
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Outbox dispatch stopped; claimed messages return when their lease runs out", e);
        } finally {
            permits.release();
        }
        return handled;
    }

    /** One transaction per message; once the server cannot be reached, the rest of the batch is put back untried. */
    private int deliver(List<Long> claimed, Postman postman, Throttle throttle) {
        int handled = 0;
        for (int i = 0; i < claimed.size(); i++) {
            long id = claimed.get(i);
            try {
                // opened (or checked) before the row is taken: a server that never answers holds up this thread, no row
                postman.connect();
            } catch (MessagingException e) {
                handled += store.unreachable(id, INSTANCE, e) ? 1 : 0;
                return handled + store.putBack(claimed.subList(i + 1, claimed.size()), INSTANCE);
            }
            // the overall rate limit is waited for here too, never while a row is held
            boolean permit = MessageSender.awaitOverall(throttle);
            Optional<Outcome> outcome = Optional.empty();
            try {
                outcome = deliverOne(id, postman, throttle);
            } finally {
                if (permit && !outcome.map(Outcome::tried).orElse(false)) {
                    throttle.giveBack(); // nothing went to the server: the overall rate counts messages sent
                }
            }
            handled += outcome.isPresent() ? 1 : 0;
        }
        return handled;
    }

    /** What became of the message, or empty when it was suppressed (or taken back) since the claim. */
    private Optional<Outcome> deliverOne(long id, Postman postman, Throttle throttle) {
        AtomicReference<DispatchStore.Accepted> accepted = new AtomicReference<>();
        for (int attempt = 1; ; attempt++) {
            try {
                return store.deliver(id, INSTANCE, postman, throttle, accepted::set);
            } catch (RuntimeException e) {
                DispatchStore.Accepted sent = accepted.get();
                if (sent != null) {
                    // the customer has the message: record it on its own, so that whatever else wrote the row meanwhile
                    // does not stand in its place
                    LOG.log(Level.WARNING, e, () -> InDoubt.acceptedButLost(id));
                    again(() -> {
                        store.recordSent(sent);
                        return null;
                    });
                    return Optional.of(sent.outcome());
                }
                // nothing left and nothing was written (a deadlock victim before the send): the row is still ours
                if (!rolledBackByDatabase(e) || attempt == 3) {
                    throw e;
                }
            }
        }
    }

    /**
     * Runs a transaction again when the database rolled it back (a deadlock victim, which wrote nothing), up to three
     * times. Not for a delivery: whether it may run again depends on whether its message left ({@link #deliverOne}).
     */
    private static <T> T again(java.util.function.Supplier<T> transaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (RuntimeException e) {
                if (!rolledBackByDatabase(e) || attempt == 3) {
                    throw e;
                }
            }
        }
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
