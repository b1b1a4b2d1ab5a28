package org.rapport.responses;

/** An outbox message a response points back to. */
public class SentMessage {
    long id;
    Long customerId;
    Long salespersonId;
    String recipient;
    /** The customer was erased since (the recipient is gone then, but a message can lack one for other reasons). */
    boolean erased;
}
