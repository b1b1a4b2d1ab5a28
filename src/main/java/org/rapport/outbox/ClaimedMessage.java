package org.rapport.outbox;

import org.rapport.customers.Consent;

/** An outbox row this instance has claimed, joined with its recipient's state as it is at the moment of sending. */
public class ClaimedMessage {
    long id;
    String template;
    // the cause's key: what the outbox's events carry and a SendVeto reads
    String idempotencyKey;
    MailPurpose purpose;
    Long customerId;
    String locale;
    String fields;
    int attempts;
    String messageId;
    // it keeps to the customer's send window (planned mail): a retry or a deferral goes back into it
    boolean sendWindow;
    String customerZone;
    String customerRegion;
    // the customer (customer mail)
    String customerEmail;
    String customerLocale;
    String preferredName;
    String contactFirstName;
    String contactLastName;
    String company;
    // the customer's consent (CustomerMapper's consent result map; null for internal mail)
    Consent consent;
    // a problem of the customer is open or its follow-up is due (CustomerMapper's problemPending predicate)
    boolean problemPending;
    // the salesperson: the sender of customer mail, the recipient of internal mail
    Long salespersonId;
    String salespersonName;
    String salespersonEmail;

    public long id() {
        return id;
    }

    boolean toCustomer() {
        return customerId != null;
    }

    /** The customer's consent as it is at the moment of sending. */
    Consent consent() {
        return consent;
    }

    String recipientEmail() {
        return toCustomer() ? customerEmail : salespersonEmail;
    }

    /** How the customer is addressed: their preferred name, else their first name, else the company. */
    String customerGreetingName() {
        for (String candidate : new String[]{preferredName, contactFirstName, company}) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate;
            }
        }
        return "";
    }

    String customerFullName() {
        String full = ((contactFirstName == null ? "" : contactFirstName) + " " + (contactLastName == null ? "" : contactLastName)).strip();
        return full.isEmpty() ? customerGreetingName() : full;
    }
}
