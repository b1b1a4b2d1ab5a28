package org.rapport.netweaving;

import org.rapport.platform.errors.Conflict;

/** A matching run was asked for while another one, on any instance, is still under way: 409. */
public class MatchRunBusy extends Conflict {

    public MatchRunBusy() {
        super("A matching run is already under way; its proposals will appear in GET /api/introductions?stage=PROPOSED. "
                + "Ask again once it has finished.");
    }
}
