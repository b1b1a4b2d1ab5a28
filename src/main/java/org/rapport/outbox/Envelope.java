package org.rapport.outbox;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The headers of one message, decided before it is composed. {@code listUnsubscribe} is set for every customer email:
 * the https link (RFC 8058 one-click) and, when a reply mailbox is read, a mailto. {@code cc}: copies (the owners of an
 * introduction's customers).
 */
public record Envelope(String messageId, Address from, Address to, List<Address> cc, List<Address> replyTo,
                       Optional<ListUnsubscribe> listUnsubscribe, Instant date) {

    /** A message with no copies. */
    public Envelope(String messageId, Address from, Address to, List<Address> replyTo,
                    Optional<ListUnsubscribe> listUnsubscribe, Instant date) {
        this(messageId, from, to, List.of(), replyTo, listUnsubscribe, date);
    }

    /** An address with an optional display name, both straight from data: never trusted to be one line. */
    public record Address(String email, String name) {
    }

    public record ListUnsubscribe(String https, Optional<String> mailto) {
    }
}
