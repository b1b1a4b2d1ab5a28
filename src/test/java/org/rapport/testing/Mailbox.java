package org.rapport.testing;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** What GreenMail received, by recipient. */
public final class Mailbox {

    private Mailbox() {
    }

    public static List<MimeMessage> to(String address) {
        return to(TestMailServer.greenMail(), address);
    }

    /** What {@code server} (a test's own GreenMail) received for {@code address}. */
    public static List<MimeMessage> to(GreenMail server, String address) {
        String wanted = address.toLowerCase(Locale.ROOT);
        return Arrays.stream(server.getReceivedMessages()).filter(m -> {
            try {
                Address[] to = m.getRecipients(MimeMessage.RecipientType.TO);
                return to != null && Arrays.stream(to).anyMatch(a -> ((InternetAddress) a).getAddress().toLowerCase(Locale.ROOT).equals(wanted));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    public static MimeMessage single(String address) {
        return single(TestMailServer.greenMail(), address);
    }

    public static MimeMessage single(GreenMail server, String address) {
        List<MimeMessage> messages = to(server, address);
        if (messages.size() != 1) {
            throw new AssertionError("Expected exactly one message to " + address + ", got " + messages.size());
        }
        return messages.get(0);
    }

    /** The subjects of what {@code address} received. */
    public static List<String> subjects(String address) {
        return to(address).stream().map(m -> {
            try {
                return m.getSubject();
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
