package org.rapport.responses;

import java.time.Instant;

/**
 * CDI event, fired inside the transaction that records a customer's reply to one of our emails (once per inbound
 * email): a poll counts the reply to its email as an answer.
 *
 * @param outboxId         the message replied to
 * @param inboundMessageId the reply's Message-ID
 * @param text             the reply's words as kept, or null when none are (an erased customer's)
 */
public record CustomerReplied(long outboxId, long customerId, String inboundMessageId, Instant at, String text) {
}
