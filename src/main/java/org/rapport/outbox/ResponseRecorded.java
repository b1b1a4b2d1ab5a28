package org.rapport.outbox;

/**
 * Fired in the transaction that records a response on a message (once per inbound email for those drawn by one): a
 * poll takes a reply to its email as an answer. An observer returns at once for a kind or message it does not own,
 * since every response fires this; one that fails rolls the response back with it (the reply mailbox tries the email
 * again).
 */
public record ResponseRecorded(Response response) {
}
