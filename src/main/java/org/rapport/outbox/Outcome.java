package org.rapport.outbox;

import java.time.Instant;

/**
 * What became of one claimed message, as it is written back to its row.
 *
 * @param refund 1 when the attempt did not count (held back by the per-domain throttle), else 0
 * @param tried  whether the message went to the SMTP server (the overall rate counts only those)
 */
public record Outcome(long id, OutboxStatus status, String recipient, String subject, String error, Instant notBefore,
                      Instant at, int refund, boolean tried) {

    static Outcome sent(long id, String recipient, String subject, Instant at) {
        return new Outcome(id, OutboxStatus.SENT, recipient, subject, null, null, at, 0, true);
    }

    static Outcome suppressed(long id, String recipient, String reason, Instant at) {
        return new Outcome(id, OutboxStatus.SUPPRESSED, recipient, null, reason, null, at, 0, false);
    }

    /** The server refused it for good, or the attempts ran out. */
    static Outcome failed(long id, String recipient, String subject, String error, Instant at) {
        return new Outcome(id, OutboxStatus.FAILED, recipient, subject, error, null, at, 0, true);
    }

    /** A template or an address that cannot work: it never went to the server. */
    static Outcome notComposable(long id, String recipient, String error, Instant at) {
        return new Outcome(id, OutboxStatus.FAILED, recipient, null, error, null, at, 0, false);
    }

    static Outcome retry(long id, String recipient, String subject, String error, Instant notBefore, Instant at) {
        return new Outcome(id, OutboxStatus.PENDING, recipient, subject, error, notBefore, at, 0, true);
    }

    /** Put back without counting an attempt: it was never tried. */
    static Outcome deferred(long id, String reason, Instant notBefore, Instant at) {
        return new Outcome(id, OutboxStatus.PENDING, null, null, reason, notBefore, at, 1, false);
    }

    public boolean closes() {
        return status == OutboxStatus.SENT || status == OutboxStatus.FAILED || status == OutboxStatus.SUPPRESSED;
    }
}
