package org.rapport.outbox;

/**
 * The rules' cap on outreach email per customer ({@code contact.max_emails_per_7_days}), which planning owns: the
 * outbox asks it when a caller composes. What counts is {@link OutboxService#outreachCounts}, for the planner too.
 */
public interface OutreachCap {

    int maxEmailsPer7Days();
}
