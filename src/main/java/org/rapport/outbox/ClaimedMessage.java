package org.rapport.outbox;

import java.util.EnumSet;
import java.util.Set;

/** An outbox row this instance has claimed, joined with its recipient's state as it is at the moment of sending. */
public class ClaimedMessage {
    long id;
    String template;
    MailPurpose purpose;
    Long customerId;
    String locale;
    String fields;
    int attempts;
    String messageId;
    // the customer (customer mail)
    String customerEmail;
    String customerLocale;
    String preferredName;
    String contactFirstName;
    String contactLastName;
    String company;
    boolean emailOk;
    boolean doNotContact;
    boolean unsubscribed;
    String stoppedPurposes;
    boolean bouncing;
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

    ContactPolicy.State policyState() {
        Set<MailPurpose> stopped = EnumSet.noneOf(MailPurpose.class);
        if (stoppedPurposes != null && !stoppedPurposes.isBlank()) {
            for (String p : stoppedPurposes.split(",")) {
                stopped.add(MailPurpose.parse(p));
            }
        }
        return new ContactPolicy.State(customerEmail, emailOk, doNotContact, unsubscribed, stopped, bouncing);
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
