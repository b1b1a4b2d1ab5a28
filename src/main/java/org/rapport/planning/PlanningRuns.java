package org.rapport.planning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.rapport.platform.jobs.InstanceName;

import java.time.Instant;

/** The record of served planning times ({@code planning_run}); each change commits at once, apart from the plan. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class PlanningRuns {

    @Inject
    PlanningMapper mapper;

    /** @return whether this instance got the planning time (false: another run has it, now or before) */
    public boolean claim(Instant slot, Instant now) {
        return mapper.claimRun(slot, now, InstanceName.VALUE) == 1;
    }

    public void finish(Instant slot, Instant now, PlanningService.Run run) {
        mapper.finishRun(slot, now, run.customers(), run.proposals(), run.created(),
                run.emailsQueued());
    }

    /** Gives an unfinished planning time back, so that the next firing tries again. */
    public void forget(Instant slot) {
        mapper.forgetRun(slot);
    }
}
