package org.rapport.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.rapport.touches.Touch;
import org.rapport.touches.TouchKind;
import org.rapport.touches.TouchService;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * The dispatcher's transactions. A claim marks due rows SENDING with a lease and commits at once, skipping rows another
 * dispatcher holds. Then each message is delivered in a transaction of its own, which locks that one row only while it
 * is on the wire and writes its result. If this process dies in between, the lease runs out and another dispatcher
 * sends the message again (the only way a message can go twice). See ADR 0003.
 */
@ApplicationScoped
public class DispatchStore {

    private static final Logger LOG = Logger.getLogger(DispatchStore.class.getName());

    @Inject
    OutboxMapper mapper;

    @Inject
    MessageSender sender;

    @Inject
    TouchService touches;

    @Inject
    MailSettings settings;

    @Inject
    SendWindows windows;

    @Inject
    Clock clock;

    @Inject
    Event<MessageSent> sent;

    @Inject
    Event<MessageNotSent> notSent;

    /** Claims up to {@code limit} due messages for {@code instance}; first returns those whose lease ran out. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Long> claim(String instance, int limit) {
        Instant now = clock.instant();
        List<Long> expired = mapper.expired(now, limit);
        if (!expired.isEmpty()) {
            mapper.release(expired);
            LOG.warning(() -> InDoubt.sentAgain(expired));
        }
        List<Long> due = mapper.due(now, limit);
        if (!due.isEmpty()) {
            mapper.markSending(due, instance, now.plus(settings.lease()), now);
        }
        return due;
    }

    /**
     * Sends one message, if this instance still owns it, and records what became of it, in a transaction that holds the
     * message's row while it is on the wire and, shared, its customer's row: an unsubscribe waits for this one message
     * (never for the rest of the batch), and the consent read here is the one in force until it commits.
     * {@code accepted} hears at once when the SMTP server took the message, so the caller can still record it as SENT
     * if this transaction is lost.
     *
     * @return what became of it, or empty when the message was suppressed (or taken back) since the claim
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Outcome> deliver(long id, String instance, Postman postman, Throttle throttle, Consumer<Accepted> accepted) {
        if (mapper.lockOwned(id, instance).isEmpty()) {
            return Optional.empty();
        }
        ClaimedMessage message = mapper.loadHoldingCustomer(id, instance).orElseThrow();
        Outcome outcome = sender.send(message, postman, throttle);
        if (outcome.status() == OutboxStatus.SENT) {
            accepted.accept(new Accepted(message, outcome));
        }
        if (mapper.record(outcome, instance) > 0) {
            recorded(message, outcome);
        }
        return Optional.of(outcome);
    }

    /** The SMTP server could not be reached for this message: it counts an attempt (so it fails once they run out). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean unreachable(long id, String instance, jakarta.mail.MessagingException e) {
        if (mapper.lockOwned(id, instance).isEmpty()) {
            return false;
        }
        ClaimedMessage message = mapper.load(List.of(id), instance).get(0);
        Outcome outcome = sender.notDelivered(message, null, e, clock.instant());
        if (mapper.record(outcome, instance) > 0) {
            recorded(message, outcome);
        }
        return true;
    }

    /** Puts messages back without counting an attempt: the server could not be reached, so they were never tried. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int putBack(List<Long> ids, String instance) {
        if (ids.isEmpty()) {
            return 0;
        }
        // a row a suppression holds is skipped (it is being suppressed), so this never waits for one, nor it for this
        List<Long> free = mapper.lockUnlocked(ids);
        if (free.isEmpty()) {
            return 0;
        }
        // after the backoff's base, each inside its customer's send window if it keeps to one: one UPDATE per moment
        Instant after = clock.instant().plus(settings.backoff().base());
        Map<Instant, List<Long>> byMoment = new TreeMap<>();
        for (OutboxMapper.Window w : mapper.windows(free)) {
            byMoment.computeIfAbsent(RetryMoment.of(after, w.sendWindow() && w.customerZone() != null, w.customerZone(),
                    w.customerRegion(), windows), k -> new ArrayList<>()).add(w.id());
        }
        int back = 0;
        for (Map.Entry<Instant, List<Long>> moment : byMoment.entrySet()) {
            back += mapper.putBack(moment.getValue(), instance, "not tried: the SMTP server could not be reached", moment.getKey());
        }
        return back;
    }

    /**
     * Records as SENT, in a transaction of its own, a message the SMTP server accepted whose delivery transaction was
     * lost (a deadlock victim, a dropped connection): the customer has it, so no suppression may stand in its place.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordSent(Accepted sent) {
        if (mapper.recordSent(sent.outcome()) > 0) {
            recorded(sent.message(), sent.outcome());
        }
    }

    /** A message the SMTP server took, with what its row will say. */
    public record Accepted(ClaimedMessage message, Outcome outcome) {
    }

    /**
     * What follows a result written to the row, in its transaction: a sent customer email is a (one-way) touch in the
     * customer's history, and the features that queued a message hear that it was sent or will never be (once this
     * transaction committed: their observers are AFTER_SUCCESS).
     */
    private void recorded(ClaimedMessage m, Outcome outcome) {
        if (outcome.status() == OutboxStatus.SENT) {
            if (m.toCustomer()) {
                touches.recordAll(List.of(new Touch(m.customerId, m.salespersonId, TouchKind.EMAIL, TouchKind.Outcome.SENT,
                        outcome.at(), outcome.subject(), "rapport")));
            }
            sent.fire(new MessageSent(m.id, m.template, m.idempotencyKey, m.customerId, outcome.at()));
        } else if (outcome.closes()) {
            notSent.fire(new MessageNotSent(m.id, m.template, m.idempotencyKey, m.customerId, outcome.status(),
                    outcome.error(), outcome.at()));
        }
    }
}
