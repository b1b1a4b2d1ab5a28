package org.rapport.netweaving;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.rapport.platform.database.ColumnText;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The record of matching runs ({@code match_run}) and the storing of their proposals: every call commits at once, in
 * its own transaction, while {@link MatchingService} holds the run's lock in another. A chunk of proposals and the
 * run's count of them commit together, so {@code match_run.proposed} always says how many of the run's proposals are
 * stored, even after a crash.
 * <p>
 * Every write after {@link #start} changes the run's row only while it is RUNNING, and throws {@link MatchRunLost}
 * otherwise: a run whose lock went (another instance took it and marked this run FAILED, abandoned) stops writing, its
 * chunk rolls back whole, and its end never overwrites the FAILED.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class MatchRuns {

    /** Longest failure text kept ({@code match_run.failure}). */
    static final int FAILURE_WIDTH = 1000;

    @Inject
    IntroductionMapper mapper;

    @Inject
    IntroductionService introductions;

    @Inject
    Clock clock;

    /**
     * Records a new run as RUNNING. Called with the run's lock held, so a run still RUNNING was left so: its instance
     * stopped (or lost its lock) during the run, or its failure could not be recorded. It is marked FAILED first (its
     * stored chunks stay), and can write nothing more.
     *
     * @return the new run's id
     */
    public long start(String startedBy) {
        Instant now = clock.instant();
        mapper.abandonRuns(now, "abandoned: left RUNNING (its instance stopped or lost the lock, or its failure was not"
                + " recorded); found by the next run");
        IntroductionMapper.MatchRunRow run = new IntroductionMapper.MatchRunRow(now, startedBy);
        mapper.insertRun(run);
        return run.id;
    }

    /** What the matcher looked at, recorded before the proposals are stored. */
    public void matched(long runId, int customers, long candidatePairs) {
        running(runId, mapper.matchedRun(runId, customers, candidatePairs));
    }

    /**
     * One chunk of the run's proposals, with their PROPOSED events and need pairs, and the run's count raised by as
     * many; nothing of it stays when the run is no longer RUNNING.
     */
    public void store(long runId, List<Match> chunk) {
        introductions.proposeAll(chunk, runId);
        running(runId, mapper.addProposed(runId, chunk.size()));
    }

    public void finish(long runId) {
        running(runId, mapper.endRun(runId, MatchRunStatus.FINISHED, clock.instant(), null));
    }

    public void fail(long runId, Throwable failure) {
        running(runId, mapper.endRun(runId, MatchRunStatus.FAILED, clock.instant(),
                ColumnText.fitted(String.valueOf(failure), FAILURE_WIDTH)));
    }

    /** Throws (rolling this transaction back) when the update found the run no longer RUNNING. */
    private static void running(long runId, int changed) {
        if (changed == 0) {
            throw new MatchRunLost(runId, "its match_run row is no longer RUNNING (another run marked it FAILED)");
        }
    }
}
