package org.rapport.outbox;

import java.time.Instant;
import java.time.ZoneId;

/**
 * The customers' send windows (the rules' hours on the customer's business days), which planning defines: the outbox
 * asks it where a retry or a deferral of mail that keeps to a window may go.
 */
public interface SendWindows {

    /** The first moment at or after {@code earliest} inside the send window of a customer in {@code zone} and {@code region}. */
    Instant next(Instant earliest, ZoneId zone, String region);
}
