package org.rapport.planning;

import java.time.Instant;

/**
 * The claim on a planning time, as its {@code planning_run} row holds it.
 *
 * @param instance     the instance of the latest try
 * @param tries        how many claims the time has had: each try takes it with the next number, which also fences off
 *                     an earlier try that wakes up late
 * @param startedAt    when the latest try started
 * @param claimedUntil until when the latest try holds the time (null in a row of a version without leases)
 * @param givenBackAt  when the latest try failed and gave the time back, or null
 * @param finishedAt   when the plan finished, or null
 */
public record RunClaim(String instance, int tries, Instant startedAt, Instant claimedUntil, Instant givenBackAt,
                       Instant finishedAt) {
}
