package org.rapport.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.rapport.audit.AuditKind;
import org.rapport.audit.AuditTrail;
import org.rapport.audit.Change;
import org.rapport.audit.Subject;
import org.rapport.customers.Consent;
import org.rapport.customers.ConsentService;
import org.rapport.mail.RenderedMail;
import org.rapport.platform.database.Batches;
import org.rapport.platform.database.DuplicateKey;
import org.rapport.platform.errors.Conflict;
import org.rapport.platform.errors.NotAllowed;
import org.rapport.platform.errors.NotFound;
import org.rapport.platform.security.Access;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
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
    Batches batches;

    @Inject
    ConsentService consents;

    @Inject
    MessageSender sender;

    @Inject
    Clock clock;

    @Inject
    AuditTrail audit;

    @Inject
    Event<MessageNotSent> notSent;

    @Inject
    Event<ResponseRecorded> responses;

    /**
     * What became of a message so far, found by its idempotency key.
     *
     * @param sentAt when the SMTP server took it (SENT only)
     * @param error  why it was not sent (FAILED, SUPPRESSED), or the last failed attempt's error
     */
    public record Delivery(String idempotencyKey, OutboxStatus status, Instant sentAt, String error) {
    }

    /**
     * Writes the message to the outbox in the caller's transaction, so it exists exactly when the change that caused it
     * does. The same key a second time returns the first row and changes nothing.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public Enqueued enqueue(Mail mail) {
        Optional<Long> existing = mapper.idByKey(mail.key());
        if (existing.isPresent()) {
            return new Enqueued(existing.get(), false);
        }
        try {
            mapper.insert(mail, mail.template().folder(), mail.template().purpose(), fields(mail), newMessageId(), clock.instant());
            return new Enqueued(mapper.idByKey(mail.key()).orElseThrow(), true);
        } catch (RuntimeException e) {
            if (!DuplicateKey.causes(e)) {
                throw e;
            }
            // another transaction enqueued the same cause a moment ago
            return new Enqueued(mapper.idByKey(mail.key()).orElseThrow(() -> e), false);
        }
    }

    /**
     * {@link #enqueue} for many messages at once, in the caller's transaction: one read of the keys queued before, one
     * JDBC batch of inserts (Connector/J sends it as multi-row statements) and one read of the new rows' ids, instead of
     * three statements per message. The same rows as {@code enqueue} writes; a key queued before keeps its first row
     * (as does one another transaction queues at the same moment: then it counts as created here too).
     *
     * @return each message's row by its key, and whether this call created it
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public Map<String, Enqueued> enqueueAll(List<Mail> mails) {
        if (mails.isEmpty()) {
            return Map.of();
        }
        List<String> keys = mails.stream().map(Mail::key).toList();
        Map<String, Long> before = ids(keys);
        List<Mail> fresh = mails.stream().filter(m -> !before.containsKey(m.key())).toList();
        Map<String, Long> created = Map.of();
        if (!fresh.isEmpty()) {
            Instant now = clock.instant();
            batches.run(OutboxMapper.class, m -> fresh.forEach(mail -> m.insertIfAbsent(mail, mail.template().folder(),
                    mail.template().purpose(), fields(mail), newMessageId(), now)));
            created = ids(fresh.stream().map(Mail::key).toList());
        }
        Map<String, Enqueued> enqueued = new HashMap<>();
        before.forEach((key, id) -> enqueued.put(key, new Enqueued(id, false)));
        created.forEach((key, id) -> enqueued.put(key, new Enqueued(id, true)));
        return enqueued;
    }

    private Map<String, Long> ids(List<String> keys) {
        Map<String, Long> ids = new HashMap<>();
        for (List<String> chunk : Batches.chunks(keys, KEYS_PER_READ)) {
            mapper.idsByKeys(chunk).forEach(k -> ids.put(k.idempotencyKey(), k.id()));
        }
        return ids;
    }

    /** Keys per read of {@link #enqueueAll}'s ids: an IN list MyBatis builds quickly and MariaDB looks up one by one. */
    private static final int KEYS_PER_READ = 1_000;

    private static String fields(Mail mail) {
        return FieldsJson.write(ModelMaps.toMap(mail.model()));
    }

    /**
     * How many outreach emails each customer has had queued since {@code since} and not suppressed or failed, whoever
     * queued them: the count the cap {@code contact.max_emails_per_7_days} is held against, by the planner and by
     * {@link ComposeService}. Mail the customer asked for ({@link MailPurpose#REQUESTED}) and mail to the team are not
     * outreach. Customers with none are left out.
     */
    public Map<Long, Integer> outreachCounts(Collection<Long> customerIds, Instant since) {
        return outreachCounts(CustomerSet.of(customerIds), since);
    }

    /** {@link #outreachCounts(Collection, Instant)} of a set of customers, such as a range of ids. */
    public Map<Long, Integer> outreachCounts(CustomerSet customers, Instant since) {
        if (customers.isEmpty()) {
            return Map.of();
        }
        return mapper.outreachCounts(customers, since, MailPurpose.outreach()).stream()
                .collect(Collectors.toMap(OutboxMapper.OutreachCount::customerId, OutboxMapper.OutreachCount::emails));
    }

    /**
     * When each customer's latest email of {@code purpose} queued since {@code since} that is waiting, on the wire or
     * sent was queued, whoever queued it (the planner, netweaving, a caller of {@code POST /api/outbox}): what a rule
     * such as one thank-you note per 14 days is held against. Customers with none are left out.
     */
    public Map<Long, Instant> lastQueued(Collection<Long> customerIds, MailPurpose purpose, Instant since) {
        return lastQueued(CustomerSet.of(customerIds), purpose, since);
    }

    /** {@link #lastQueued(Collection, MailPurpose, Instant)} of a set of customers, such as a range of ids. */
    public Map<Long, Instant> lastQueued(CustomerSet customers, MailPurpose purpose, Instant since) {
        if (customers.isEmpty()) {
            return Map.of();
        }
        return mapper.lastQueued(customers, purpose, since).stream()
                .collect(Collectors.toMap(OutboxMapper.LastQueued::customerId, OutboxMapper.LastQueued::at));
    }

    /** What became of the messages with these idempotency keys, by key (a key never queued is left out). */
    public Map<String, Delivery> deliveries(Collection<String> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        return mapper.deliveries(keys).stream().collect(Collectors.toMap(Delivery::idempotencyKey, d -> d));
    }

    /**
     * Takes back a message that is still waiting, for a reason its feature gives (the cause it was queued for is gone):
     * SUPPRESSED with that reason, in the caller's transaction. One on the wire or closed is left as it is. Fires no
     * {@link MessageNotSent}: the caller is the feature that would hear it.
     *
     * @return whether it was waiting
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean withdrawWaiting(String idempotencyKey, String reason) {
        return mapper.withdrawWaiting(idempotencyKey, reason, clock.instant()) > 0;
    }

    /** A globally unique Message-ID in the sending domain, fixed for the life of the row. */
    private String newMessageId() {
        String from = settings.from();
        String domain = from.substring(from.lastIndexOf('@') + 1).replaceAll("[^A-Za-z0-9.-]", "");
        return "<" + UUID.randomUUID() + ".rapport@" + (domain.isEmpty() ? "localhost" : domain) + ">";
    }

    /**
     * Suppresses what still waits for a customer that the contact policy, read now, refuses: their consent (the reason
     * per purpose is the consent's) and, while a problem of theirs is open or its follow-up is due, every email that is
     * not about the problem ({@link MailTemplate#blockedBy}, the rule each delivery applies too). In a transaction of its
     * own ({@link Suppressions} calls it after a consent change or a new problem committed). One statement per reason,
     * which waits for the rows another transaction holds (a message on the wire, a claim taking rows that instant) in
     * index order, so two of these never deadlock each other. It holds no customer row, so a delivery never waits for it
     * (ADR 0003). Mail the policy allows is left alone, whatever changed since.
     *
     * @return how many rows it suppressed
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int suppressRefused(long customerId) {
        Optional<Consent> consent = consents.of(customerId);
        if (consent.isEmpty()) {
            return 0;
        }
        boolean problemPending = consents.problemPending(customerId);
        Map<String, List<String>> refused = new TreeMap<>();
        for (MailTemplate template : MailTemplate.values()) {
            template.blockedBy(consent.get(), problemPending)
                    .ifPresent(reason -> refused.computeIfAbsent(reason, r -> new ArrayList<>()).add(template.folder()));
        }
        // whole milliseconds, as closed_at keeps them: the rows closed now are found again by this moment
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        int suppressed = 0;
        for (Map.Entry<String, List<String>> reason : refused.entrySet()) {
            suppressed += mapper.suppressWaiting(customerId, reason.getValue(), reason.getKey(), now);
        }
        if (suppressed > 0) {
            for (OutboxMapper.Closed c : mapper.suppressedAt(customerId, now)) {
                notSent.fire(new MessageNotSent(c.id(), c.template(), c.idempotencyKey(), c.customerId(), c.status(),
                        c.lastError(), c.closedAt()));
            }
        }
        return suppressed;
    }

    /**
     * Holds, shared until the caller commits, the message a response will point at (its foreign key would lock it
     * later, after the customer row: a delivery of that very message takes them the other way round).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void holdForResponse(Long messageId) {
        if (messageId != null) {
            mapper.holdMessage(messageId);
        }
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public void recordResponse(Response response) {
        mapper.insertResponse(response);
        responses.fire(new ResponseRecorded(response));
    }

    /** Whether an inbound email with this Message-ID was recorded before (a plain read: no lock on anything). */
    public boolean responseRecorded(String inboundMessageId) {
        return inboundMessageId != null && mapper.responseRecorded(inboundMessageId);
    }

    /** Records a response drawn by an ingested email; false when that email (its Message-ID) was recorded before. */
    @Transactional(Transactional.TxType.REQUIRED)
    public boolean recordResponseOnce(Response response) {
        try {
            mapper.insertResponse(response);
        } catch (RuntimeException e) {
            if (DuplicateKey.causes(e)) {
                return false;
            }
            throw e;
        }
        responses.fire(new ResponseRecorded(response));
        return true;
    }

    /** Sends a failed message once more, under its original Message-ID: an admin's to decide, refused to anyone else. */
    @Transactional
    public OutboxView resend(Access access, long id) {
        if (!access.isEverything()) {
            throw new NotAllowed("Only an admin resends a message.");
        }
        OutboxView message = find(id).orElseThrow(() -> new NotFound("There is no outbox message " + id + "."));
        if (message.status != OutboxStatus.FAILED) {
            throw new Conflict("Outbox message " + id + " is " + message.status + "; only FAILED messages are resent.");
        }
        if (message.bodyRemovedAt != null || mapper.resend(id, clock.instant()) == 0) {
            throw new Conflict(contentRemoved(id) + "; it cannot be resent.");
        }
        OutboxView resent = find(id).orElseThrow();
        audit.record(AuditKind.MESSAGE_RESENT, Subject.of("outbox_message", id),
                new Change(Map.of("status", message.status), Map.of("status", resent.status)));
        return resent;
    }

    /** The messages the caller reaches (their customers' mail and mail to them; a manager's team's; everything). */
    public List<OutboxView> search(Access access, OutboxFilter filter) {
        return mapper.search(filter, access);
    }

    public Optional<OutboxView> find(long id) {
        return mapper.find(id, Access.EVERYTHING);
    }

    /**
     * One message the caller reaches. Someone else's and an unknown id get the same {@link NotAllowed}
     * ({@link Access#refusal}), so message ids cannot be probed; an admin reaches all and gets {@link NotFound}.
     */
    public OutboxView require(Access access, long id) {
        // not found within the caller's reach: for an admin that reach is everything, so the id does not exist; for
        // anyone else the answer is the same either way, and no second query (nor its time) tells which
        return mapper.find(id, access).orElseThrow(() -> access.refusal(false,
                "There is no outbox message " + id + ".", "Outbox message " + id + " is not addressed to anyone you reach."));
    }

    /** One message the caller reaches ({@link #require}), with the responses it drew. */
    public OutboxView requireWithResponses(Access access, long id) {
        return withResponses(List.of(require(access, id))).get(0);
    }

    /**
     * How a message the caller reaches ({@link #require}) renders now. Rapport keeps no copy of what it sent: this is
     * the message rendered again from its stored fields, as the dispatcher renders it, with the templates and the
     * customer's and salesperson's details as they are now, and the customer's own links left out
     * ({@link MessageSender#renderToShow}). A message that cannot be rendered (its template gone or broken) is a
     * {@link Conflict} saying why.
     */
    public RenderedMail rendering(Access access, long id) {
        if (require(access, id).bodyRemovedAt != null) {
            throw new Conflict(contentRemoved(id) + "; there is nothing left to show.");
        }
        ClaimedMessage message = mapper.loadToShow(id).orElseThrow(() -> new NotFound("There is no outbox message " + id + "."));
        try {
            return sender.renderToShow(message);
        } catch (RuntimeException e) {
            throw new Conflict("Outbox message " + id + " cannot be rendered now: " + e.getMessage());
        }
    }

    private static String contentRemoved(long id) {
        return "The content of outbox message " + id + " was removed (retention or an erasure)";
    }

    /** A customer's messages the caller reaches, newest first, each with the responses it drew. */
    public List<OutboxView> history(Access access, long customerId, int limit) {
        return withResponses(mapper.search(new OutboxFilter(null, customerId, null, null, null, limit), access));
    }

    private List<OutboxView> withResponses(List<OutboxView> messages) {
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
