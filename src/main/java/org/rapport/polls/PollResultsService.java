package org.rapport.polls;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.rapport.platform.security.Access;
import org.rapport.reports.ReportService;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A poll's results for the team that asked: a manager sees their own polls, counted over their team's customers only;
 * an admin every poll, over every customer or, with {@code team=}, over one manager's team. Three grouped reads whatever
 * the number of questions.
 */
@ApplicationScoped
public class PollResultsService {

    @Inject
    PollService polls;

    @Inject
    PollResultsMapper mapper;

    @Inject
    ReportService reports;

    /**
     * The results of poll {@code pollId}; with {@code team} (a manager's external id), over that team's customers.
     *
     * @throws org.rapport.platform.errors.NotAllowed for a poll the caller does not run ({@link PollService#require}), or
     *                                                (to all but an admin) none at all
     * @throws org.rapport.platform.errors.NotFound    to an admin, for a poll that does not exist
     */
    public PollResults results(Access access, long pollId, String team) {
        Poll poll = polls.require(access, pollId);
        Access inTeam = team == null ? null : reports.teamReach(access, team);
        List<PollResults.Question> questions = poll.questions.stream().map(PollResults.Question::of).toList();
        PollResultsMapper.Turnout turnout = mapper.turnout(pollId, inTeam, access);
        Map<Integer, List<String>> texts = new LinkedHashMap<>();
        for (PollResultsMapper.Text t : mapper.texts(pollId, inTeam, access)) {
            texts.computeIfAbsent(t.position(), p -> new ArrayList<>()).add(t.text());
        }
        return PollResults.of(poll.id, poll.title, team, questions, mapper.counts(pollId, inTeam, access), texts,
                turnout.recipients(), turnout.answered());
    }
}
