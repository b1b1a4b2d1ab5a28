package org.rapport.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.rapport.platform.web.ApiException;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Enqueues messages and answers for the outbox: what is waiting, what left, what it drew. */
@ApplicationScoped
public class OutboxService {

    /** Outcome of {@link #enqueue}: the row's id and whether this call created it. */
    public record Enqueued(long id, boolean created) {
    }

    @Inject
    OutboxMapper mapper;

    @Inject
    MailSettings settings;

    @Inject
    Clock clock;

    /**
     * Writes the message to the outbox in the caller's transaction, so it exists exactly when the change that caused it
     * does. The same key a second time returns the first row and changes nothing.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public Enqueued enqueue(Mail mail) {
        java.util.Optional<Long> existing = mapper.idByKey(mail.key());
        if (existing.isPresent()) {
            return new Enqueued(existing.get(), false);
        }
        try {
            mapper.insert(mail, mail.purpose(), FieldsJson.write(mail.fields()), newMessageId(), clock.instant());
            return new Enqueued(mapper.idByKey(mail.key()).orElseThrow(), true);
        } catch (RuntimeException e) {
            if (!DuplicateKey.causes(e)) {
                throw e;
            }
            // another transaction enqueued the same cause a moment ago
            return new Enqueued(mapper.idByKey(mail.key()).orElseThrow(() -> e), false);
        }
    }

    /** A globally unique Message-ID in the sending domain, fixed for the life of the row. */
    private String newMessageId() {
        String from = settings.from();
        String domain = from.substring(from.lastIndexOf('@') + 1).replaceAll("[^A-Za-z0-9.-]", "");
        return "<" + UUID.randomUUID() + ".rapport@" + (domain.isEmpty() ? "localhost" : domain) + ">";
    }

    /**
     * Suppresses what is still waiting for a customer, for some purposes or ({@code null}) all. A message being sent at
     * this moment holds its row lock, so this waits for it: once it returns, nothing more can leave.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int suppressPending(long customerId, Collection<MailPurpose> purposes, String reason) {
        return mapper.suppressPending(customerId, purposes, reason, clock.instant());
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public void recordResponse(Response response) {
        mapper.insertResponse(response);
    }

    /** Records a response drawn by an ingested email; false when that email (its Message-ID) was recorded before. */
    @Transactional(Transactional.TxType.REQUIRED)
    public boolean recordResponseOnce(Response response) {
        try {
            mapper.insertResponse(response);
            return true;
        } catch (RuntimeException e) {
            if (DuplicateKey.causes(e)) {
                return false;
            }
            throw e;
        }
    }

    /** Sends a failed message once more, under its original Message-ID (admin). */
    @Transactional
    public OutboxView resend(long id) {
        OutboxView message = mapper.find(id).orElseThrow(() -> ApiException.notFound("There is no outbox message " + id + "."));
        if (message.status != OutboxStatus.FAILED) {
            throw ApiException.conflict("Outbox message " + id + " is " + message.status + "; only FAILED messages are resent.");
        }
        mapper.resend(id, clock.instant());
        return mapper.find(id).orElseThrow();
    }

    public List<OutboxView> search(OutboxFilter filter) {
        return mapper.search(filter);
    }

    public java.util.Optional<OutboxView> find(long id) {
        return mapper.find(id);
    }

    /** A customer's messages, newest first, each with the responses it drew. */
    public List<OutboxView> history(long customerId, int limit) {
        List<OutboxView> messages = mapper.search(new OutboxFilter(null, customerId, null, null, null, null, null, limit));
        if (!messages.isEmpty()) {
            Map<Long, List<ResponseView>> responses = mapper.responsesOf(messages.stream().map(m -> m.id).toList()).stream()
                    .collect(Collectors.groupingBy(r -> r.messageId));
            messages.forEach(m -> m.responses = responses.getOrDefault(m.id, List.of()));
        }
        return messages;
    }

    public long count(OutboxStatus status) {
        return mapper.countByStatus(status);
    }

    Instant now() {
        return clock.instant();
    }
}
