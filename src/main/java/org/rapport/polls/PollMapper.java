package org.rapport.polls;

import org.apache.ibatis.annotations.Param;
import org.mybatis.cdi.Mapper;
import org.rapport.customers.ConsentColumns;
import org.rapport.platform.security.Access;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The poll tables. Scoped reads by the caller's Access are in {@code PollService}'s statements that take one. */
@Mapper
public interface PollMapper {

    /** A new poll (SCHEDULED); its id is set on {@code poll}. {@code username}: the defining login. */
    int insert(@Param("poll") Poll poll, @Param("username") String username);

    int insertQuestions(@Param("pollId") long pollId, @Param("questions") Collection<PollQuestion> questions);

    /** Newest first: every poll ({@code teamId} null and {@code all}) or those of one team. */
    List<Poll> list(@Param("all") boolean all, @Param("teamId") Long teamId, @Param("limit") int limit);

    /** The poll's status, its row locked until the transaction ends: one sending at a time, and only once. */
    Optional<PollStatus> lockStatus(@Param("id") long id);

    /** The one sending lock (V14_40), held until the transaction ends: two polls' sendings draw one after the other. */
    int lockSending();

    /** The polls still SCHEDULED whose first day has come (the schedule zone's {@code today}). */
    List<Long> due(@Param("today") LocalDate today);

    /** Moves every poll past its last day to CLOSED (from the statuses that may become it). */
    int closeEnded(@Param("today") LocalDate today, @Param("from") Collection<PollStatus> from);

    int markSent(@Param("id") long id, @Param("at") Instant at);

    /** A customer of a poll's audience, with what decides whether the poll may go to them. */
    class Candidate extends ConsentColumns {
        long customerId;
        String timeZone;
        String region;
        String locale;
        boolean problemPending;
        /** When the customer was last chosen for another poll, or null. */
        Instant lastPolledAt;
    }

    /**
     * The customers of the poll's audience that have an owner and are not erased, by id: within {@code team} (a
     * manager's poll; null for an admin's), of {@code audienceTeam} for the audience TEAM, opened a problem since
     * {@code problemsSince} for PROBLEM.
     */
    List<Candidate> audience(@Param("poll") Poll poll, @Param("team") Access team, @Param("audienceTeam") Access audienceTeam,
                             @Param("problemsSince") Instant problemsSince);

    int insertRecipients(@Param("pollId") long pollId, @Param("customerIds") Collection<Long> customerIds, @Param("at") Instant at);

    int setRecipientMessage(@Param("pollId") long pollId, @Param("customerId") long customerId, @Param("outboxId") long outboxId);

    /** The poll without its questions. */
    Optional<Poll> find(@Param("id") long id);

    List<PollQuestion> questions(@Param("pollIds") Collection<Long> pollIds);

    /** A customer's answer with its poll and question, for their page. */
    class AnswerRow {
        long pollId;
        String title;
        int position;
        String question;
        QuestionKind kind;
        Integer score;
        String choice;
        String text;
        String via;
        Instant answeredAt;
    }

    /** The customer's answers to their last {@code polls} polls answered, newest poll first, in question order. */
    List<AnswerRow> answersOf(@Param("customerId") long customerId, @Param("polls") int polls);

    /** The poll the customer was sent in message {@code outboxId}, if that message was a poll's. */
    Optional<Long> pollSentIn(@Param("customerId") long customerId, @Param("outboxId") long outboxId);

    /** Whether the customer was sent the poll; their recipient row locked until the transaction ends. */
    Optional<Instant> lockRecipient(@Param("pollId") long pollId, @Param("customerId") long customerId);

    int deleteLinkAnswers(@Param("pollId") long pollId, @Param("customerId") long customerId);

    int insertLinkAnswers(@Param("pollId") long pollId, @Param("customerId") long customerId,
                          @Param("answers") Collection<Answer> answers, @Param("at") Instant at);

    /** A reply's free text, once per inbound message: 0 when that message was recorded already. */
    int insertReply(@Param("pollId") long pollId, @Param("customerId") long customerId,
                    @Param("inboundMessageId") String inboundMessageId, @Param("text") String text, @Param("at") Instant at);

    int markAnswered(@Param("pollId") long pollId, @Param("customerId") long customerId, @Param("at") Instant at);
}
