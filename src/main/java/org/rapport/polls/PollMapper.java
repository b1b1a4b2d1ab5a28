package org.rapport.polls;

import org.apache.ibatis.annotations.Param;
import org.mybatis.cdi.Mapper;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The poll tables. Scoped reads by the caller's Access are in {@code PollService}'s statements that take one. */
@Mapper
public interface PollMapper {

    /** The poll without its questions. */
    Optional<Poll> find(@Param("id") long id);

    List<PollQuestion> questions(@Param("pollIds") Collection<Long> pollIds);

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
