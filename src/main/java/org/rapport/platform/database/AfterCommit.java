package org.rapport.platform.database;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Work on rows a transaction changed, done once it has committed and once for all of them: an import batch of a
 * thousand problems is re-planned (or swept) as one set, not a thousand times one row.
 */
@ApplicationScoped
public class AfterCommit {

    @Resource
    TransactionSynchronizationRegistry transactions;

    /**
     * Adds {@code id} to what {@code key} collects in the current transaction; the first call of the transaction
     * registers {@code action}, which gets every id collected once the transaction has committed (nothing on a
     * rollback). Without an active transaction, {@code action} runs at once with this id alone.
     *
     * @param key one object per kind of work (a private constant of the caller)
     */
    public void collect(Object key, long id, Consumer<Set<Long>> action) {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            action.accept(Set.of(id));
            return;
        }
        @SuppressWarnings("unchecked")
        Set<Long> collected = (Set<Long>) transactions.getResource(key);
        if (collected == null) {
            Set<Long> ids = new LinkedHashSet<>();
            transactions.putResource(key, ids);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        action.accept(ids);
                    }
                }
            });
            collected = ids;
        }
        collected.add(id);
    }
}
