package org.rapport.planning;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a planning time may be claimed: the one rule of {@code planning_run}. A claim holds its time for a lease, which
 * its plan renews as it goes; a plan that fails gives the time back for a pause, which doubles with each try of the
 * same time. Whatever ends a try, the time is free again once its row's hold has run out: after the pause when the plan
 * failed and said so, after the lease when it could not (its instance killed, its database gone). A finished plan
 * serves its time for good.
 *
 * @param length     how long a claim holds its time without being renewed: longer than a healthy plan ever goes
 *                   without renewing (one page, or an InnoDB lock wait of 50 s that then fails the page)
 * @param retryPause the pause after a plan's first failure before its time is tried again
 */
public record PlanningLease(Duration length, Duration retryPause) {

    /** The longest pause between two tries of a time that keeps failing (unless the first pause is longer). */
    static final Duration LONGEST_RETRY_PAUSE = Duration.ofHours(1);

    public PlanningLease {
        if (length.compareTo(Duration.ofSeconds(10)) < 0 || length.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("RAPPORT_PLANNING_LEASE_SECONDS must be 10 to 3600, not " + length.toSeconds());
        }
        if (retryPause.compareTo(Duration.ofSeconds(1)) < 0 || retryPause.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("RAPPORT_PLANNING_RETRY_SECONDS must be 1 to 3600, not " + retryPause.toSeconds());
        }
    }

    /** What to do about the due planning time. */
    public enum Step {
        /** no instance has claimed it yet */
        CLAIM,
        /** its last try failed or went silent, and its hold ran out: try again */
        TAKE_OVER,
        /** a plan is on it, or its last try failed a moment ago */
        HELD,
        /** planned */
        SERVED
    }

    /** @param run the row of the due planning time, if any */
    public Step next(Optional<RunClaim> run, Instant now) {
        if (run.isEmpty()) {
            return Step.CLAIM;
        }
        if (run.get().finishedAt() != null) {
            return Step.SERVED;
        }
        return heldUntil(run.get()).isAfter(now) ? Step.HELD : Step.TAKE_OVER;
    }

    /**
     * Until when the row keeps its time from others. A claim written by a version without leases has none: it holds
     * for one lease from its start.
     */
    public Instant heldUntil(RunClaim run) {
        return run.claimedUntil() != null ? run.claimedUntil() : run.startedAt().plus(length);
    }

    /** The end of a lease taken or renewed {@code now}. */
    public Instant until(Instant now) {
        return now.plus(length);
    }

    /**
     * A plan renews its lease once a quarter of it has passed, after a page: a page (or the plan's start) may take up to
     * three quarters of the lease before another instance takes the time over. Keep the lease well above the longest page.
     */
    public boolean renewalDue(Instant renewedAt, Instant now) {
        return !now.isBefore(renewedAt.plus(length.dividedBy(4)));
    }

    /** When a time whose try number {@code tries} failed {@code failedAt} may be tried again. */
    public Instant retryAt(Instant failedAt, int tries) {
        Duration pause = retryPause.multipliedBy(1L << Math.min(Math.max(tries - 1, 0), 20));
        Duration longest = retryPause.compareTo(LONGEST_RETRY_PAUSE) > 0 ? retryPause : LONGEST_RETRY_PAUSE;
        return failedAt.plus(pause.compareTo(longest) > 0 ? longest : pause);
    }
}
