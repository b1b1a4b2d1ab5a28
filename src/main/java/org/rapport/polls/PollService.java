package org.rapport.polls;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.rapport.audit.AuditKind;
import org.rapport.audit.AuditTrail;
import org.rapport.audit.Change;
import org.rapport.audit.Subject;
import org.rapport.platform.errors.FieldError;
import org.rapport.platform.errors.NotAllowed;
import org.rapport.platform.security.Access;
import org.rapport.platform.security.AuthenticatedUser;
import org.rapport.platform.security.Role;
import org.rapport.platform.time.ScheduleZone;
import org.rapport.team.TeamService;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Defining and reading polls. A manager's poll reaches their team only (its {@code team_id} is the manager's salesperson
 * id, taken from the login); an admin's poll everyone. Who reads which poll is {@link Access#runsPollsOf}.
 */
@ApplicationScoped
public class PollService {

    static final int LIST_LIMIT = 200;

    @Inject
    PollMapper mapper;

    @Inject
    TeamService team;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "rapport.schedule.zone")
    ScheduleZone scheduleZone;

    /** Defines a poll for the caller's team (a manager) or for everyone (an admin); audited as POLL_DEFINED. */
    @Transactional
    public PollView define(AuthenticatedUser user, PollRequest request) {
        Access access = user.access();
        if (access.role() != Role.ADMIN && !(access.isTeam() && access.salespersonId() != null)) {
            throw new NotAllowed("Only a manager with a team, or an admin, defines polls.");
        }
        List<FieldError> errors = new ArrayList<>(request.problems(today()));
        if (errors.isEmpty() && Audience.parse(request.audience).orElseThrow() == Audience.TEAM) {
            teamProblem(access, request.storedAudienceValue()).ifPresent(errors::add);
        }
        if (!errors.isEmpty()) {
            throw new InvalidPoll(errors);
        }
        Poll poll = new Poll();
        poll.title = request.title.strip();
        poll.teamId = access.isEverything() ? null : access.salespersonId();
        poll.audience = Audience.parse(request.audience).orElseThrow();
        poll.audienceValue = request.storedAudienceValue();
        poll.sampleSize = request.sampleSize;
        poll.sampleShare = request.sampleShare;
        poll.startsOn = request.startsOn;
        poll.endsOn = request.endsOn;
        poll.status = PollStatus.SCHEDULED;
        poll.createdAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (mapper.insert(poll, user.username()) != 1) {
            throw new NotAllowed("The login " + user.username() + " is no longer known.");
        }
        for (int i = 0; i < request.questions.size(); i++) {
            PollRequest.Question q = request.questions.get(i);
            PollQuestion stored = new PollQuestion();
            stored.pollId = poll.id;
            stored.position = i + 1;
            stored.kind = QuestionKind.parse(q.kind).orElseThrow();
            stored.textEn = q.textEn.strip();
            stored.textDe = q.textDe == null || q.textDe.isBlank() ? null : q.textDe.strip();
            stored.choices = stored.kind == QuestionKind.CHOICE ? PollQuestion.choicesJson(q.choices.stream().map(String::strip).toList()) : null;
            poll.questions.add(stored);
        }
        mapper.insertQuestions(poll.id, poll.questions);
        audit.record(AuditKind.POLL_DEFINED, Subject.of("poll", poll.id), Change.to(Change.state("title", poll.title,
                "team", poll.teamId, "audience", poll.audience.name(), "audience_value", poll.audienceValue,
                "sample_size", poll.sampleSize, "sample_share", poll.sampleShare, "starts_on", poll.startsOn,
                "ends_on", poll.endsOn, "questions", poll.questions.size())));
        return PollView.of(poll);
    }

    /** An audience TEAM names a salesperson (the team's manager) the caller reaches; why not, or empty. */
    private java.util.Optional<FieldError> teamProblem(Access access, String externalId) {
        try {
            team.requireReachable(access, externalId);
            return java.util.Optional.empty();
        } catch (org.rapport.platform.errors.NotFound | NotAllowed e) {
            return java.util.Optional.of(new FieldError("audience_value", e.getMessage()));
        }
    }

    /** The polls' today: the date in the schedule zone, by which a poll starts, takes answers and closes. */
    LocalDate today() {
        return clock.instant().atZone(scheduleZone.zone()).toLocalDate();
    }

    /** The polls the caller runs, newest first. */
    public List<PollView> list(Access access) {
        List<Poll> polls = access.isEverything() ? mapper.list(true, null, LIST_LIMIT)
                : mapper.list(false, access.isTeam() ? access.salespersonId() : null, LIST_LIMIT);
        if (polls.isEmpty()) {
            return List.of();
        }
        Map<Long, List<PollQuestion>> questions = mapper.questions(polls.stream().map(p -> p.id).toList()).stream()
                .collect(Collectors.groupingBy(q -> q.pollId));
        polls.forEach(p -> p.questions = questions.getOrDefault(p.id, List.of()));
        return polls.stream().map(PollView::of).toList();
    }

    /** A poll the caller runs; another team's poll and an unknown id are the same refusal ({@link Access#refusal}). */
    public Poll require(Access access, long id) {
        java.util.Optional<Poll> found = mapper.find(id);
        if (found.isEmpty() || !access.runsPollsOf(found.get().teamId)) {
            throw access.refusal(found.isPresent(), "There is no poll " + id + ".", "Poll " + id + " is not one of your team's.");
        }
        Poll poll = found.get();
        poll.questions = mapper.questions(List.of(id));
        return poll;
    }

    public PollView find(Access access, long id) {
        return PollView.of(require(access, id));
    }
}
