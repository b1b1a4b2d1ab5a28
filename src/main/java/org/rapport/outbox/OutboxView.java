package org.rapport.outbox;

import java.time.Instant;
import java.util.List;

/** One outbox message as the API shows it. */
public class OutboxView {
    public long id;
    public String idempotencyKey;
    public String template;
    public MailPurpose purpose;
    public String customer;
    public String salesperson;
    public OutboxStatus status;
    public int attempts;
    public Instant notBefore;
    public String recipient;
    public String subject;
    public String lastError;
    public String messageId;
    public Instant createdAt;
    public Instant lastAttemptAt;
    public Instant sentAt;
    public Instant closedAt;
    /** When retention removed its fields and subject: it can no longer be shown nor resent. */
    public Instant bodyRemovedAt;
    /** Filled for a customer's history only. */
    public List<ResponseView> responses;
}
