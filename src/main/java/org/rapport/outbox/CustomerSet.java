package org.rapport.outbox;

import java.util.Collection;
import java.util.List;

/**
 * Customers a read is about: listed ids, or every id in {@code (afterId, lastId]} (a page of the full plan, read as one
 * index range instead of thousands of look-ups). The outbox's counts take it, and the planner's page reads.
 */
public record CustomerSet(Collection<Long> ids, long afterId, long lastId) {

    public static CustomerSet of(Collection<Long> ids) {
        return new CustomerSet(List.copyOf(ids), 0, 0);
    }

    public static CustomerSet between(long afterId, long lastId) {
        return new CustomerSet(null, afterId, lastId);
    }

    public boolean isEmpty() {
        return ids != null ? ids.isEmpty() : lastId <= afterId;
    }

    // the getters MyBatis reads the statement's parameters through
    public Collection<Long> getIds() {
        return ids;
    }

    public long getAfterId() {
        return afterId;
    }

    public long getLastId() {
        return lastId;
    }
}
