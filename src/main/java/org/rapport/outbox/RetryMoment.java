package org.rapport.outbox;

import org.rapport.platform.time.Zones;

import java.time.Instant;

/**
 * When a retry or a deferral may go: the moment the backoff or the throttle gives, moved into the customer's send window
 * when the message keeps to one (planned customer mail, whose first attempt was placed there too). Mail to the team and
 * mail a caller timed itself go at that moment.
 */
final class RetryMoment {

    private RetryMoment() {
    }

    static Instant of(Instant proposed, boolean keepsWindow, String customerZone, String customerRegion, SendWindows windows) {
        return keepsWindow ? windows.next(proposed, Zones.orUtc(customerZone), customerRegion) : proposed;
    }

    static Instant of(Instant proposed, ClaimedMessage m, SendWindows windows) {
        return of(proposed, m.sendWindow && m.toCustomer(), m.customerZone, m.customerRegion, windows);
    }
}
