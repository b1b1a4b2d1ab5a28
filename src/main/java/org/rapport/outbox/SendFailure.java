package org.rapport.outbox;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * Whether a failed send may succeed later. SMTP says so in the reply code: 4xx is transient, 5xx permanent. No reply at
 * all (connection refused or lost, a timeout) is transient too; a malformed address is permanent.
 */
public record SendFailure(boolean permanent, String description) {

    public static SendFailure of(Exception e) {
        if (e instanceof AddressException) {
            return new SendFailure(true, "invalid address: " + e.getMessage());
        }
        for (Exception cause = e; cause != null; cause = next(cause)) {
            int code = replyCode(cause);
            if (code > 0) {
                return new SendFailure(code >= 500, clean(cause.getMessage()));
            }
        }
        if (e instanceof SendFailedException sfe && sfe.getInvalidAddresses() != null && sfe.getInvalidAddresses().length > 0) {
            return new SendFailure(true, clean(e.getMessage()));
        }
        return new SendFailure(false, clean(e.getClass().getSimpleName() + ": " + e.getMessage()));
    }

    private static int replyCode(Exception e) {
        if (e instanceof SMTPAddressFailedException a) {
            return a.getReturnCode();
        }
        if (e instanceof SMTPSenderFailedException s) {
            return s.getReturnCode();
        }
        if (e instanceof SMTPSendFailedException s) {
            return s.getReturnCode();
        }
        return -1;
    }

    private static Exception next(Exception e) {
        return e instanceof MessagingException m ? m.getNextException() : null;
    }

    private static String clean(String text) {
        String single = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        return single.length() > 1000 ? single.substring(0, 1000) : single;
    }
}
