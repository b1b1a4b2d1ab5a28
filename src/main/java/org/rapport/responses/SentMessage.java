package org.rapport.responses;

/** An outbox message a response points back to. */
public class SentMessage {
    long id;
    Long customerId;
    Long salespersonId;
    String recipient;
}
