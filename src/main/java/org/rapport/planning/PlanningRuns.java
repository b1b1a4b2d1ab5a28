package org.rapport.planning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.rapport.platform.jobs.InstanceName;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The record of planning times and who plans them ({@code planning_run}); each change commits at once, apart from the
 * plan. Who may claim a time is {@link PlanningLease}'s rule; here it is applied to the row.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class PlanningRuns {

    private static final Logger LOG = Logger.getLogger(PlanningRuns.class.getName());

    @Inject
    PlanningMapper mapper;

    @Inject
    PlanningSettings settings;

    @Inject
    Clock clock;

    /** This instance's hold on a planning time while it plans it: the try's number fences off every other try. */
    public static final class Claim {
        private final Instant slot;
        private final int tries;
        private Instant renewedAt;

        private Claim(Instant slot, int tries, Instant renewedAt) {
            this.slot = slot;
            this.tries = tries;
            this.renewedAt = renewedAt;
        }

        public Instant slot() {
            return slot;
        }

        public int tries() {
            return tries;
        }
    }

    /** @return the claim, when this instance got the planning time (empty: it is served, held, or another was quicker) */
    public Optional<Claim> claim(Instant slot, Instant now) {
        PlanningLease lease = settings.lease();
        Optional<RunClaim> run = mapper.runClaim(slot);
        switch (lease.next(run, now)) {
            case CLAIM:
                return mapper.claimRun(slot, now, InstanceName.VALUE, lease.until(now)) == 1
                        ? Optional.of(new Claim(slot, 1, now)) : Optional.empty();
            case TAKE_OVER:
                RunClaim seen = run.orElseThrow();
                if (mapper.takeOverRun(slot, seen, now, InstanceName.VALUE, lease.until(now)) != 1) {
                    return Optional.empty();
                }
                LOG.warning(() -> "Planning time " + slot + ": try " + (seen.tries() + 1) + " takes it over from " + seen.instance()
                        + (seen.givenBackAt() != null ? ", whose try " + seen.tries() + " failed and gave it back at " + seen.givenBackAt()
                        : ", whose try " + seen.tries() + " went silent (its lease ran out at " + lease.heldUntil(seen) + ")"));
                return Optional.of(new Claim(slot, seen.tries() + 1, now));
            default:
                return Optional.empty();
        }
    }

    /**
     * Keeps the claim's lease, when a renewal is due: the plan calls it after each page.
     *
     * @throws PlanningTimeTakenOver when the claim no longer holds its time (its lease ran out and another try took it)
     */
    public void renew(Claim claim) {
        Instant now = clock.instant();
        PlanningLease lease = settings.lease();
        if (!lease.renewalDue(claim.renewedAt, now)) {
            return;
        }
        if (mapper.renewRun(claim.slot, claim.tries, InstanceName.VALUE, lease.until(now)) != 1) {
            throw new PlanningTimeTakenOver(claim.slot, claim.tries);
        }
        claim.renewedAt = now;
    }

    /** @return false when the claim had lost its time before the plan finished (another try's record stands) */
    public boolean finish(Claim claim, PlanningService.Run run) {
        return mapper.finishRun(claim.slot, claim.tries, InstanceName.VALUE, clock.instant(), run.customers(), run.proposals(),
                run.created(), run.emailsQueued()) == 1;
    }

    /**
     * Gives the planning time of a failed plan back: any instance tries it again after a pause
     * ({@link PlanningLease#retryAt}).
     *
     * @return the moment it may be tried again, or empty when the claim had lost its time already
     */
    public Optional<Instant> giveBack(Claim claim) {
        Instant now = clock.instant();
        Instant retryAt = settings.lease().retryAt(now, claim.tries);
        return mapper.giveBackRun(claim.slot, claim.tries, InstanceName.VALUE, now, retryAt) == 1
                ? Optional.of(retryAt) : Optional.empty();
    }
}
