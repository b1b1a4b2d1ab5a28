package org.rapport.polls;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.rapport.outbox.Response;
import org.rapport.outbox.ResponseRecorded;

/**
 * A reply to a poll's email is an answer too: its free text is recorded at position 0 (once per inbound email: the
 * outbox records a reply once per Message-ID, and so does {@link PollAnswers#replied}), and a call is planned when it
 * asks for contact. In the reply's own transaction, so the reply and its answer are recorded together or, the reply
 * mailbox trying again, not at all. A reply without kept words (an erased customer's, whose words the reply keeps
 * none of, or an empty one) records nothing: there is no answer to keep.
 */
@ApplicationScoped
class PollReplies {

    @Inject
    PollResultsMapper mapper;

    @Inject
    PollAnswers answers;

    void replied(@Observes ResponseRecorded recorded) {
        Response reply = recorded.response();
        if (reply.kind() != Response.Kind.REPLY || reply.outboxId() == null || reply.customerId() == null
                || reply.detail() == null || reply.detail().isBlank()) {
            return;
        }
        mapper.pollOfMessage(reply.outboxId(), reply.customerId()).ifPresent(pollId ->
                answers.replied(pollId, reply.customerId(), reply.inboundMessageId(), reply.occurredAt(), reply.detail()));
    }
}
