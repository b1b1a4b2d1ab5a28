package org.rapport.netweaving;

import org.rapport.platform.errors.Conflict;

/**
 * A matching run found it no longer owns its run: its lock connection is gone, or its {@code match_run} row is no
 * longer RUNNING (another instance took the lock and marked it FAILED). It stops without writing: 409.
 */
public class MatchRunLost extends Conflict {

    public MatchRunLost(long runId, String why) {
        super("Matching run " + runId + " stopped: " + why + ". The proposals it stored before stay; the next run"
                + " proposes the rest.");
    }
}
