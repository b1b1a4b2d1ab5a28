package org.rapport.outbox;

/** pending → sending → sent, failed (permanently, or after the last retry) or suppressed (the contact policy said no). */
public enum OutboxStatus {
    PENDING, SENDING, SENT, FAILED, SUPPRESSED
}
