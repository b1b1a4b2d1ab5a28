package org.rapport.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.rapport.platform.database.Batches;
import org.rapport.touches.Touch;
import org.rapport.touches.TouchKind;
import org.rapport.touches.TouchService;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The dispatcher's two transactions. A claim marks due rows SENDING with a lease and commits at once, skipping rows
 * another dispatcher holds. The delivery then locks the rows it still owns, sends them and writes every result before
 * it commits; if this process dies in between, the lease runs out and another dispatcher sends them again (the only
 * way a message can go twice).
 */
@ApplicationScoped
public class DispatchStore {

    @Inject
    OutboxMapper mapper;

    @Inject
    Batches batches;

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

    /** Sends the claimed messages this instance still owns and records what became of each. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Outcome> deliver(List<Long> claimed, String instance, Postman postman, Throttle throttle) {
        List<Long> owned = mapper.lockOwned(claimed, instance);
        if (owned.isEmpty()) {
            return List.of();
        }
        List<ClaimedMessage> messages = mapper.load(owned);
        List<Outcome> outcomes = new ArrayList<>(messages.size());
        for (ClaimedMessage message : messages) {
            if (postman.unreachable()) {
                // one failed connection per batch: the others wait for the next retry instead of each timing out
                Instant now = clock.instant();
                outcomes.add(Outcome.deferred(message.id, "not tried: the SMTP server could not be reached",
                        now.plus(settings.backoff().base()), now));
            } else {
                outcomes.add(sender.send(message, postman, throttle));
            }
        }
        batches.run(OutboxMapper.class, batch -> outcomes.forEach(batch::record));
        recordTouches(messages, outcomes);
        return outcomes;
    }

    /** A sent customer email is a (one-way) touch in the customer's history. */
    private void recordTouches(List<ClaimedMessage> messages, List<Outcome> outcomes) {
        Map<Long, ClaimedMessage> byId = messages.stream().collect(Collectors.toMap(ClaimedMessage::id, Function.identity()));
        List<Touch> sent = outcomes.stream()
                .filter(o -> o.status() == OutboxStatus.SENT && byId.get(o.id()).toCustomer())
                .map(o -> {
                    ClaimedMessage m = byId.get(o.id());
                    return new Touch(m.customerId, m.salespersonId, TouchKind.EMAIL, TouchKind.Outcome.SENT, o.at(),
                            o.subject(), "rapport");
                }).toList();
        if (!sent.isEmpty()) {
            touches.recordAll(sent);
        }
    }
}
