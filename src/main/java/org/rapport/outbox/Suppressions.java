package org.rapport.outbox;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Marks SUPPRESSED what still waits for a customer once a consent change that stops it has committed, on a managed
 * thread, so the request that changed the consent (a one-click unsubscribe) answers without rewriting thousands of rows.
 * What is suppressed is decided by the consent as it is when the thread runs ({@link OutboxService#suppressRefused}).
 * Nothing depends on it for correctness: every delivery reads the customer's consent under a shared lock on the
 * customer row and suppresses a message the customer no longer wants (ADR 0003). This keeps the statuses true within
 * moments instead of at each message's claim, which for a message not yet due can be days away.
 */
@ApplicationScoped
public class Suppressions {

    private static final Logger LOG = Logger.getLogger(Suppressions.class.getName());
    private static final int ATTEMPTS = 3;

    @Inject
    OutboxService outbox;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    /** Suppresses the customer's waiting messages that their consent refuses, once the caller's transaction commits. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void afterCommit(long customerId) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    start(customerId);
                }
            }
        });
    }

    private void start(long customerId) {
        try {
            executor.execute(() -> suppress(customerId));
        } catch (RuntimeException e) {
            // the application is stopping (rejected, or the executor is gone): each message is suppressed at its delivery
            LOG.log(Level.INFO, "Customer " + customerId + "'s waiting messages are left to their deliveries: " + e);
        }
    }

    private void suppress(long customerId) {
        for (int attempt = 1; ; attempt++) {
            try {
                outbox.suppressRefused(customerId);
                return;
            } catch (RuntimeException e) {
                // a lock wait timeout, a connection lost: try again; the deliveries suppress them anyway
                boolean last = attempt == ATTEMPTS;
                String which = " (attempt " + attempt + " of " + ATTEMPTS + ")";
                LOG.log(last ? Level.WARNING : Level.INFO, e, () -> "Customer " + customerId
                        + "'s waiting messages could not be suppressed now" + which + (last ? "; each is suppressed at its delivery" : ""));
                if (last) {
                    return;
                }
            }
        }
    }
}
