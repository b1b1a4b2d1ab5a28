package org.rapport.outbox;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.rapport.platform.database.AfterCommit;

import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Marks SUPPRESSED what still waits for a customer once a change that stops it has committed (a consent change, a
 * problem opened), on a managed thread, so the request that changed the consent (a one-click unsubscribe) answers without rewriting thousands of rows.
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

    @Inject
    AfterCommit afterCommit;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    /** The customers of the current transaction whose waiting messages are looked at once it commits. */
    private static final Object AFTER_COMMIT = new Object();

    /**
     * Suppresses the customer's waiting messages that the contact policy refuses, once the caller's transaction commits;
     * all the customers of one transaction (an import batch of new problems) on one managed thread, one after another.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void afterCommit(long customerId) {
        afterCommit.collect(AFTER_COMMIT, customerId, this::start);
    }

    private void start(Set<Long> customers) {
        try {
            executor.execute(() -> customers.forEach(this::suppress));
        } catch (RuntimeException e) {
            // the application is stopping (rejected, or the executor is gone): each message is suppressed at its delivery
            LOG.log(Level.INFO, "Customers " + customers + "' waiting messages are left to their deliveries: " + e);
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
