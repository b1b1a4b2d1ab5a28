package org.rapport.responses;

import java.time.Instant;
import java.util.List;

/**
 * What an email in the reply mailbox is, and how it names the message of ours it is about.
 *
 * @param messageId        its own Message-ID (or a hash of it when it has none), so the same email counts once
 * @param sentAt           its Date header, when readable
 * @param references       Message-IDs it refers to, most specific first (In-Reply-To, then References from last to
 *                         first; for a bounce, the Message-ID of the returned message)
 * @param replyTokens      tokens of plus-addressed reply addresses it was sent to (for a bounce: the returned message's
 *                         Reply-To), unverified
 * @param unsubscribeToken the token of an "unsubscribe &lt;token&gt;" subject, unverified; null otherwise
 * @param summary          a short plain-text note: the answer without quoted text, or the bounce diagnostic
 * @param bounced          for a bounce, the addresses it reports as failed for good (its {@code Final-Recipient}s)
 */
public record Inbound(Kind kind, String messageId, Instant sentAt, List<String> references, List<String> replyTokens,
                      String unsubscribeToken, String summary, List<String> bounced) {

    /**
     * Whether this is a bounce of mail to {@code recipient}: a report names our message, but only its
     * {@code Final-Recipient} says whose address failed. A report about another address (a forwarding target, or a
     * forged report) says nothing about the customer's.
     */
    public boolean bounceOf(String recipient) {
        return kind == Kind.BOUNCE && recipient != null
                && bounced.stream().anyMatch(address -> address.equalsIgnoreCase(recipient.strip()));
    }

    public enum Kind {
        /** A person answered. */
        REPLY,
        /** An out-of-office or other automatic answer: not a conversation. */
        AUTO_REPLY,
        /** A delivery-status notification that delivery failed for good (RFC 3464, status 5.x.x). */
        BOUNCE,
        /** The RFC 8058 mailto alternative of List-Unsubscribe. */
        UNSUBSCRIBE,
        /** Any other delivery-status notification (delayed, relayed, delivered): nothing to record. */
        DELIVERY_NOTICE
    }
}
