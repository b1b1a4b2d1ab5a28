package org.rapport.customers;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Stores the tiers of one range of customer ids per transaction, so the nightly run locks a few thousand customer rows
 * for a moment instead of every row at once: a call logged or a consent changed meanwhile waits briefly and never
 * deadlocks with it (a soak at 01:30 UTC saw three requests fail when it was one statement).
 */
@ApplicationScoped
public class TierBatches {

    @Inject
    CustomerMapper mapper;

    @Inject
    Event<TierReached> reached;

    /**
     * @param topBefore the customers in TOP10 before the run: those new to it in this range are announced in this
     *                  transaction, so a reward for reaching the top is proposed exactly when the new tier is stored
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int apply(long from, long to, Period period, Ranks ranks, Set<Long> topBefore) {
        int changed = mapper.applyTiers(from, to, period.after(), period.through(), ranks.top10(), ranks.top100());
        mapper.idsInTierBetween(Tier.TOP10, from, to).stream().filter(id -> !topBefore.contains(id))
                .forEach(id -> reached.fire(new TierReached(id, Tier.TOP10, period.through())));
        return changed;
    }

    /** The trailing 12 months: purchases after {@code after} up to and including {@code through} (today). */
    public record Period(LocalDate after, LocalDate through) {
    }

    /** The customers ranked 1–10 and 11–100 by revenue (those with a revenue above 0 only). */
    public record Ranks(List<Long> top10, List<Long> top100) {

        static Ranks of(List<Long> inRankOrder) {
            return new Ranks(List.copyOf(inRankOrder.subList(0, Math.min(10, inRankOrder.size()))),
                    List.copyOf(inRankOrder.subList(Math.min(10, inRankOrder.size()), inRankOrder.size())));
        }
    }
}
