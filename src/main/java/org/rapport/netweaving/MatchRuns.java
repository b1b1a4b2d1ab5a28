package org.rapport.netweaving;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The record of matching runs ({@code match_run}) and the storing of their proposals: every call commits at once, in
 * its own transaction, while {@link MatchingService} holds the run's lock in another. A chunk of proposals and the
 * run's count of them commit together, so {@code match_run.proposed} always says how many of the run's proposals are
 * stored, even after a crash.
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
     * Records a new run as RUNNING. Called with the run's lock held, so a run still RUNNING belongs to an instance that
     * stopped during its run: it is marked FAILED first (its stored chunks stay).
     *
     * @return the new run's id
     */
    public long start(String startedBy) {
        Instant now = clock.instant();
        mapper.abandonRuns(now, "abandoned: its instance stopped before the run ended (found by the next run)");
        IntroductionMapper.MatchRunRow run = new IntroductionMapper.MatchRunRow(now, startedBy);
        mapper.insertRun(run);
        return run.id;
    }

    /** What the matcher looked at, recorded before the proposals are stored. */
    public void matched(long runId, int customers, long candidatePairs) {
        mapper.matchedRun(runId, customers, candidatePairs);
    }

    /** One chunk of the run's proposals, with their PROPOSED events, and the run's count raised by as many. */
    public void store(long runId, List<Match> chunk) {
        introductions.proposeAll(chunk, runId);
        mapper.addProposed(runId, chunk.size());
    }

    public void finish(long runId) {
        mapper.endRun(runId, MatchRunStatus.FINISHED, clock.instant(), null);
    }

    public void fail(long runId, Throwable failure) {
        String text = String.valueOf(failure);
        mapper.endRun(runId, MatchRunStatus.FAILED, clock.instant(),
                text.length() <= FAILURE_WIDTH ? text : text.substring(0, FAILURE_WIDTH - 1) + "…");
    }
}
