package org.rapport.outbox;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Marks SUPPRESSED what still waits for a customer once the consent change that stops it has committed, on a managed
 * thread, so the request that changed the consent (a one-click unsubscribe) answers without rewriting thousands of rows.
 * Nothing depends on it for correctness: every delivery reads the customer's consent under a shared lock on the
 * customer row and suppresses a message the customer no longer wants (ADR 0003). This keeps the statuses true within
 * moments instead of at each message's claim.
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

    /** Suppresses the customer's waiting messages (for these purposes, or all for {@code null}) once the caller commits. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void afterCommit(long customerId, Collection<MailPurpose> purposes, String reason) {
        List<MailPurpose> copy = purposes == null ? null : List.copyOf(purposes);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    start(customerId, copy, reason);
                }
            }
        });
    }

    private void start(long customerId, List<MailPurpose> purposes, String reason) {
        try {
            executor.execute(() -> suppress(customerId, purposes, reason));
        } catch (RejectedExecutionException e) {
            // stopping: each message is suppressed at its delivery instead
            LOG.log(Level.INFO, "Customer " + customerId + "'s waiting messages are left to their deliveries: " + e.getMessage());
        }
    }

    private void suppress(long customerId, List<MailPurpose> purposes, String reason) {
        for (int attempt = 1; ; attempt++) {
            try {
                outbox.suppressWaiting(customerId, purposes, reason);
                return;
            } catch (RuntimeException e) {
                // a deadlock victim, a connection lost: try again; the deliveries would suppress them anyway
                if (attempt == ATTEMPTS) {
                    LOG.log(Level.WARNING, "Customer " + customerId + "'s waiting messages could not be suppressed now; "
                            + "each is suppressed at its delivery", e);
                    return;
                }
            }
        }
    }
}
