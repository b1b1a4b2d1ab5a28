package org.rapport.polls;

import org.apache.ibatis.annotations.Param;
import org.mybatis.cdi.Mapper;
import org.rapport.platform.security.Access;

import java.util.List;
import java.util.Optional;

/**
 * A poll's answers as the caller may see them, read by a few grouped statements whatever the number of questions: the
 * recipients and who answered, the scores and choices counted, the free texts. Each takes the caller's {@code access}
 * and, for {@code team=}, the {@code team} to narrow to (a manager's team as their reach), both on the customer's owner.
 */
@Mapper
public interface PollResultsMapper {

    /** Recipients of the poll within reach, and how many of them answered (by link or reply). */
    Turnout turnout(@Param("pollId") long pollId, @Param("team") Access team, @Param("access") Access access);

    record Turnout(int recipients, int answered) {
    }

    /** The scores and choices, counted per question and value. */
    List<PollResults.Count> counts(@Param("pollId") long pollId, @Param("team") Access team, @Param("access") Access access);

    /** The free texts (questions of kind TEXT, and replies at position 0), in the order they were given. */
    List<Text> texts(@Param("pollId") long pollId, @Param("team") Access team, @Param("access") Access access);

    record Text(int position, String text) {
    }

    /** The poll whose email to the customer this outbox message was, if it was one. */
    Optional<Long> pollOfMessage(@Param("outboxId") long outboxId, @Param("customerId") long customerId);
}
