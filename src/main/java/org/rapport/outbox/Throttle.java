package org.rapport.outbox;

import java.util.HashMap;
import java.util.Map;

/**
 * Token buckets for the sending rate of this instance: one for all messages and one per recipient domain, each allowing
 * a burst of one second's worth. A rate of 0 means unlimited. One instance serves every dispatcher thread of the
 * instance ({@link MailSettings#throttle()}), so the rates hold for the instance however many dispatchers run, and a
 * new dispatcher run starts from what the last one left rather than from a full bucket. Thread-safe.
 */
public final class Throttle {

    /** Above this many domains, the ones whose bucket is full again (a fresh bucket would be the same) are forgotten. */
    static final int DOMAINS_KEPT = 10_000;

    private final double perSecond;
    private final double perDomainPerSecond;
    private final Bucket overall;
    private final Map<String, Bucket> domains = new HashMap<>();

    public Throttle(double perSecond, double perDomainPerSecond) {
        this.perSecond = perSecond;
        this.perDomainPerSecond = perDomainPerSecond;
        this.overall = new Bucket(perSecond);
    }

    /** Nanoseconds to wait before the next message may go at all; 0 once it may. Takes the permit when it returns 0. */
    public synchronized long overallWait(long nowNanos) {
        return perSecond <= 0 ? 0 : overall.take(nowNanos);
    }

    /**
     * Gives back the permit {@link #overallWait} took for a message that did not go to the server after all (suppressed,
     * held back for its domain, not composable, no longer this dispatcher's), so the overall rate counts messages sent.
     */
    public synchronized void giveBack() {
        if (perSecond > 0) {
            overall.giveBack();
        }
    }

    /**
     * 0 (permit taken) if the domain may receive a message now; otherwise nanoseconds until this message's turn. Messages
     * held back one after another get turns one interval apart (the first when the bucket next has a permit), so a
     * backlog to one domain returns at the domain's rate instead of all at once, again and again.
     */
    public synchronized long domainWait(String domain, long nowNanos) {
        if (perDomainPerSecond <= 0) {
            return 0;
        }
        if (domains.size() >= DOMAINS_KEPT && !domains.containsKey(domain)) {
            domains.values().removeIf(bucket -> bucket.fullAt(nowNanos));
        }
        return domains.computeIfAbsent(domain, d -> new Bucket(perDomainPerSecond)).takeOrQueue(nowNanos);
    }

    /** How many domains have a bucket now. */
    synchronized int domainsKept() {
        return domains.size();
    }

    private static final class Bucket {
        private final double rate;
        private final double capacity;
        private final long interval;
        private double tokens;
        private long last = Long.MIN_VALUE;
        /** The turn after the last one given to a message held back (nanoTime); none while MIN_VALUE. */
        private long nextTurn = Long.MIN_VALUE;

        Bucket(double rate) {
            this.rate = rate;
            this.capacity = Math.max(1, rate);
            this.interval = (long) Math.ceil(1e9 / rate);
            this.tokens = capacity;
        }

        long take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / rate * 1e9);
        }

        void giveBack() {
            tokens = Math.min(capacity, tokens + 1);
        }

        /** Like {@link #take}, but a message held back is given the next free turn. */
        long takeOrQueue(long now) {
            long wait = take(now);
            if (wait == 0) {
                return 0;
            }
            long turn = nextTurn == Long.MIN_VALUE ? now + wait : Math.max(now + wait, nextTurn);
            nextTurn = turn + interval;
            return turn - now;
        }

        boolean fullAt(long now) {
            return (last == Long.MIN_VALUE || tokens + (now - last) / 1e9 * rate >= capacity)
                    && (nextTurn == Long.MIN_VALUE || nextTurn - now <= 0);
        }

        private void refill(long now) {
            if (last != Long.MIN_VALUE && now > last) {
                tokens = Math.min(capacity, tokens + (now - last) / 1e9 * rate);
            }
            if (last == Long.MIN_VALUE || now > last) {
                last = now;
            }
        }
    }
}
