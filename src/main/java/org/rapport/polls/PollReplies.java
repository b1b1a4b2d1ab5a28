package org.rapport.polls;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.rapport.responses.CustomerReplied;

/**
 * A reply to a poll's email is an answer too: its free text is recorded at position 0 (once per inbound email), and a
 * call is planned when it asks for contact ({@link PollAnswers#replied}). In the reply's own transaction, so the reply
 * and its answer are recorded together or, the reply mailbox trying again, not at all. A reply without kept words (an
 * erased customer's, or an empty one) records nothing: there is no answer to keep.
 */
@ApplicationScoped
class PollReplies {

    @Inject
    PollResultsMapper mapper;

    @Inject
    PollAnswers answers;

    void replied(@Observes CustomerReplied reply) {
        if (reply.text() == null || reply.text().isBlank()) {
            return;
        }
        mapper.pollOfMessage(reply.outboxId(), reply.customerId()).ifPresent(pollId ->
                answers.replied(pollId, reply.customerId(), reply.inboundMessageId(), reply.at(), reply.text()));
    }
}
