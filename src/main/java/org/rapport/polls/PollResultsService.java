package org.rapport.polls;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.rapport.platform.security.Access;
import org.rapport.reports.ReportService;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A poll's results for the team that asked: a manager sees their own polls, counted over their team's customers only;
 * an admin every poll, over every customer or, with {@code team=}, over one manager's team. Three grouped reads whatever
 * the number of questions.
 */
@ApplicationScoped
public class PollResultsService {

    @Inject
    PollMapper polls;

    @Inject
    PollResultsMapper mapper;

    @Inject
    ReportService reports;

    /**
     * The results of poll {@code pollId}; with {@code team} (a manager's external id), over that team's customers.
     *
     * @throws org.rapport.platform.errors.NotAllowed for a poll of another team, or (to all but an admin) none at all
     * @throws org.rapport.platform.errors.NotFound    to an admin, for a poll that does not exist
     */
    public PollResults results(Access access, long pollId, String team) {
        Optional<Poll> found = polls.find(pollId);
        // a manager's poll is their team's (team_id, their salesperson id); an admin's poll (no team) is an admin's only
        if (found.filter(p -> access.reaches(p.teamId, null)).isEmpty()) {
            throw access.refusal(found.isPresent(), "There is no poll " + pollId + ".", "Poll " + pollId + " is not one of your team's.");
        }
        Poll poll = found.get();
        Access inTeam = team == null ? null : reports.teamReach(access, team);
        List<PollResults.Question> questions = polls.questions(List.of(pollId)).stream().map(PollResults.Question::of).toList();
        PollResultsMapper.Turnout turnout = mapper.turnout(pollId, inTeam, access);
        Map<Integer, List<String>> texts = new LinkedHashMap<>();
        for (PollResultsMapper.Text t : mapper.texts(pollId, inTeam, access)) {
            texts.computeIfAbsent(t.position(), p -> new ArrayList<>()).add(t.text());
        }
        return PollResults.of(poll.id, poll.title, team, questions, mapper.counts(pollId, inTeam, access), texts,
                turnout.recipients(), turnout.answered());
    }
}
