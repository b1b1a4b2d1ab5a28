package org.rapport.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.rapport.touches.Touch;
import org.rapport.touches.TouchKind;
import org.rapport.touches.TouchService;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The dispatcher's transactions. A claim marks due rows SENDING with a lease and commits at once, skipping rows another
 * dispatcher holds. Then each message is delivered in a transaction of its own, which locks that one row only while it
 * is on the wire and writes its result. If this process dies in between, the lease runs out and another dispatcher
 * sends the message again (the only way a message can go twice). See ADR 0003.
 */
@ApplicationScoped
public class DispatchStore {

    @Inject
    OutboxMapper mapper;

    @Inject
    MessageSender sender;

    @Inject
    TouchService touches;

    @Inject
    MailSettings settings;

    @Inject
    Clock clock;

    /** Claims up to {@code limit} due messages for {@code instance}; first returns those whose lease ran out. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Long> claim(String instance, int limit) {
        Instant now = clock.instant();
        List<Long> expired = mapper.expired(now, limit);
        if (!expired.isEmpty()) {
            mapper.release(expired);
        }
        List<Long> due = mapper.due(now, limit);
        if (!due.isEmpty()) {
            mapper.markSending(due, instance, now.plus(settings.lease()), now);
        }
        return due;
    }

    /** The claimed messages this instance still owns, with their recipients' state as it is now; nothing is locked. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<ClaimedMessage> load(List<Long> claimed, String instance) {
        return mapper.load(claimed, instance);
    }

    /**
     * Sends one message, if this instance still owns it, and records what became of it. {@code accepted} hears at once
     * when the SMTP server took the message, so the caller can still record it if this transaction is lost.
     *
     * @return empty when the message was suppressed (or taken back) since the claim
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Outcome> deliver(ClaimedMessage message, String instance, Postman postman, Throttle throttle,
                                     Consumer<Outcome> accepted) {
        if (mapper.lockOwned(message.id, instance).isEmpty()) {
            return Optional.empty();
        }
        Outcome outcome = sender.send(message, postman, throttle);
        if (outcome.status() == OutboxStatus.SENT) {
            accepted.accept(outcome);
        }
        mapper.record(outcome, instance);
        recordTouch(message, outcome);
        return Optional.of(outcome);
    }

    /** Records a result without holding the row: a connection that failed before the message was taken. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(Outcome outcome, String instance) {
        mapper.record(outcome, instance);
    }

    /** Puts messages back without counting an attempt: the server could not be reached, so they were never tried. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void putBack(List<ClaimedMessage> messages, String instance) {
        Instant now = clock.instant();
        for (ClaimedMessage message : messages) {
            mapper.record(Outcome.deferred(message.id, "not tried: the SMTP server could not be reached",
                    now.plus(settings.backoff().base()), now), instance);
        }
    }

    /**
     * Records as SENT, in a transaction of its own, a message the SMTP server accepted whose delivery transaction was
     * lost (a deadlock victim, a dropped connection): the customer has it, so no suppression may stand in its place.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordSent(ClaimedMessage message, Outcome sent) {
        if (mapper.recordSent(sent) > 0) {
            recordTouch(message, sent);
        }
    }

    /** A sent customer email is a (one-way) touch in the customer's history. */
    private void recordTouch(ClaimedMessage m, Outcome outcome) {
        if (outcome.status() == OutboxStatus.SENT && m.toCustomer()) {
            touches.recordAll(List.of(new Touch(m.customerId, m.salespersonId, TouchKind.EMAIL, TouchKind.Outcome.SENT,
                    outcome.at(), outcome.subject(), "rapport")));
        }
    }
}
