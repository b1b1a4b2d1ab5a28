package org.rapport.netweaving;

/**
 * How a matching run ({@code match_run.status}) stands. A run stores its proposals in chunks, each committed on its own,
 * so a run that stops half way leaves the chunks it stored: valid proposals, counted in {@code match_run.proposed}.
 */
public enum MatchRunStatus {
    /**
     * Under way; a row still RUNNING when the next run takes the lock was left so (its instance stopped or lost the
     * lock, or its failure was not recorded) and becomes FAILED, abandoned.
     */
    RUNNING,
    FINISHED,
    /** Stopped by an error ({@code match_run.failure} says which) or abandoned; its stored proposals stay. */
    FAILED
}
