package org.rapport.polls;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.rapport.planning.PlanningService;
import org.rapport.platform.errors.Conflict;
import org.rapport.platform.errors.NotFound;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Records what customers answer to a poll: through the signed link's page (one answer per question, a later one while
 * the poll is open replacing the earlier) and, for the results helper's reply handling, the free text of a reply email
 * (once per inbound message). An answer with a low score or asking to be contacted puts a call on the owner's list the
 * next business day, with the answer as the reason ({@link PlanningService#pollAnswer}, once per poll and customer).
 */
@ApplicationScoped
public class PollAnswers {

    @Inject
    PollMapper mapper;

    @Inject
    PlanningService planning;

    @Inject
    PollService polls;

    @Inject
    Clock clock;

    /** What recording did: whether the answer asked for contact, and whether that put a new call on the list. */
    public record Recorded(boolean asksForContact, boolean callPlanned) {
    }

    /** The poll with its questions, or {@link NotFound}. */
    public Poll poll(long pollId) {
        Poll poll = mapper.find(pollId).orElseThrow(() -> new NotFound("There is no poll " + pollId + "."));
        poll.questions = mapper.questions(List.of(pollId));
        return poll;
    }

    /**
     * The poll, when it was sent to the customer in message {@code messageId} (what a poll link's token names): a link
     * of another poll, customer or message names nothing.
     */
    public Optional<Poll> sentIn(long pollId, long customerId, long messageId) {
        if (!mapper.sentIn(pollId, customerId, messageId)) {
            return Optional.empty();
        }
        return Optional.of(poll(pollId));
    }

    /**
     * What the customer answered to their last {@code polls} polls, newest first. The caller has checked that the reader
     * may see the customer (as for their messages).
     */
    public List<AnsweredPoll> ofCustomer(long customerId, int polls) {
        java.util.Map<Long, List<PollMapper.AnswerRow>> byPoll = new java.util.LinkedHashMap<>();
        mapper.answersOf(customerId, polls).forEach(r -> byPoll.computeIfAbsent(r.pollId, id -> new java.util.ArrayList<>()).add(r));
        return byPoll.values().stream().map(rows -> new AnsweredPoll(rows.get(0).pollId, rows.get(0).title,
                rows.stream().map(r -> r.answeredAt).max(java.util.Comparator.naturalOrder()).orElse(null),
                rows.stream().map(PollAnswers::line).toList())).toList();
    }

    private static AnsweredPoll.Line line(PollMapper.AnswerRow r) {
        String said = r.score != null ? r.score + (r.kind == null || !r.kind.scale() ? "" : " / " + r.kind.max())
                : r.choice != null ? r.choice : r.text;
        return new AnsweredPoll.Line(r.question, said, r.via);
    }

    /** Whether the poll takes answers today (the schedule zone's date). */
    public boolean open(Poll poll) {
        return poll.openOn(polls.today());
    }

    /**
     * Records the customer's answers from the poll's page, replacing those they gave before. The answers must have been
     * checked against the poll's questions ({@link AnswerSheet}).
     *
     * @throws NotFound when the customer was not sent the poll
     * @throws Conflict when the poll is closed
     */
    @Transactional
    public Recorded answered(long pollId, long customerId, List<Answer> answers) {
        Poll poll = poll(pollId);
        if (mapper.lockRecipient(pollId, customerId).isEmpty()) {
            throw new NotFound("Customer " + customerId + " was not sent poll " + pollId + ".");
        }
        if (!open(poll)) {
            throw new Conflict("Poll " + pollId + " is closed: it took answers until " + poll.endsOn + ".");
        }
        Instant now = now();
        mapper.deleteLinkAnswers(pollId, customerId);
        if (!answers.isEmpty()) {
            mapper.insertLinkAnswers(pollId, customerId, answers, now);
        }
        mapper.markAnswered(pollId, customerId, now);
        return callIfAsked(poll, customerId, answers);
    }

    /**
     * Records the free text of a customer's reply to the poll's email (position 0, via REPLY), once per inbound message.
     * Replies count while the poll is open and after it closed alike: the customer wrote to their salesperson.
     *
     * @param inboundMessageId the reply's Message-ID, by which a second reading of the same email adds nothing
     * @return empty when the customer was not sent the poll or the message was recorded before
     */
    @Transactional
    public Optional<Recorded> replied(long pollId, long customerId, String inboundMessageId, Instant at, String text) {
        Poll poll = poll(pollId);
        if (mapper.lockRecipient(pollId, customerId).isEmpty()) {
            return Optional.empty();
        }
        Instant when = (at == null ? now() : at).truncatedTo(ChronoUnit.MILLIS);
        if (mapper.insertReply(pollId, customerId, inboundMessageId, text, when) == 0) {
            return Optional.empty();
        }
        mapper.markAnswered(pollId, customerId, when);
        return Optional.of(callIfAsked(poll, customerId, List.of(new Answer(0, null, null, text))));
    }

    private Recorded callIfAsked(Poll poll, long customerId, List<Answer> answers) {
        Optional<String> reason = CallReason.of(poll, answers);
        if (reason.isEmpty()) {
            return new Recorded(false, false);
        }
        return new Recorded(true, planning.pollAnswer(customerId, poll.id, reason.get()));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
