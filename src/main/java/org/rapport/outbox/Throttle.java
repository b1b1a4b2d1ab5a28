package org.rapport.outbox;

import java.util.HashMap;
import java.util.Map;

/**
 * Token buckets for the sending rate of this instance: one for all messages and one per recipient domain, each allowing
 * a burst of one second's worth. A rate of 0 means unlimited. Not thread-safe: each dispatcher thread owns one.
 */
public final class Throttle {

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
    public long overallWait(long nowNanos) {
        return perSecond <= 0 ? 0 : overall.take(nowNanos);
    }

    /** Nanoseconds until the domain may receive another message; 0 (permit taken) if it may now. */
    public long domainWait(String domain, long nowNanos) {
        if (perDomainPerSecond <= 0) {
            return 0;
        }
        return domains.computeIfAbsent(domain, d -> new Bucket(perDomainPerSecond)).take(nowNanos);
    }

    private static final class Bucket {
        private final double rate;
        private double tokens;
        private long last = Long.MIN_VALUE;

        Bucket(double rate) {
            this.rate = rate;
            this.tokens = Math.max(1, rate);
        }

        long take(long now) {
            if (last != Long.MIN_VALUE) {
                tokens = Math.min(Math.max(1, rate), tokens + (now - last) / 1e9 * rate);
            }
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / rate * 1e9);
        }
    }
}
