package org.rapport.testing;

import java.util.UUID;

/** Bounce reports as a receiving mail server writes them, for the reply mailbox. */
public final class Bounces {

    private Bounces() {
    }

    /**
     * The receiving server's report (RFC 3464, multipart/report) that {@code to} does not exist (5.1.1), quoting the
     * headers of the message {@code messageId} it returns.
     */
    public static String userUnknown(String messageId, String to) {
        return """
                Message-ID: <%s@mx.customers.example>
                From: MAILER-DAEMON@mx.customers.example (Mail Delivery System)
                To: outreach@rapport.test
                Subject: Undelivered Mail Returned to Sender
                Auto-Submitted: auto-replied
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="dsn-boundary"

                --dsn-boundary
                Content-Type: text/plain; charset=us-ascii

                Your message could not be delivered.

                --dsn-boundary
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.customers.example

                Final-Recipient: rfc822; %s
                Action: failed
                Status: 5.1.1
                Diagnostic-Code: smtp; 550 5.1.1 user unknown

                --dsn-boundary
                Content-Type: text/rfc822-headers

                Message-ID: %s
                From: outreach@rapport.test
                To: %s
                Subject: Happy anniversary

                --dsn-boundary--
                """.formatted(UUID.randomUUID(), to, messageId, to);
    }
}
