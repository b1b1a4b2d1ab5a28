package org.rapport.outbox;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.rapport.mail.RenderedMail;

import java.io.UnsupportedEncodingException;
import java.util.Date;
import java.util.regex.Pattern;

/**
 * Turns a rendered message and its envelope into MIME: {@code multipart/alternative} with the plain text first and the
 * HTML last (the part clients prefer), UTF-8 throughout. Nothing from data reaches a header unchecked: display names and
 * subjects lose their line breaks, addresses are parsed strictly, and the Message-ID is the one stored on the outbox
 * row, so a retry sends the same message again rather than a new one.
 */
public final class MessageComposer {

    private static final Pattern LINE_BREAKS = Pattern.compile("[\\r\\n\\u0085\\u2028\\u2029]+");

    private MessageComposer() {
    }

    public static MimeMessage compose(Session session, Envelope envelope, RenderedMail mail) throws MessagingException {
        MimeMessage message = new FixedIdMessage(session, envelope.messageId());
        message.setFrom(address(envelope.from()));
        message.setRecipient(Message.RecipientType.TO, address(envelope.to()));
        for (Envelope.Address copy : envelope.cc()) {
            message.addRecipient(Message.RecipientType.CC, address(copy));
        }
        if (!envelope.replyTo().isEmpty()) {
            InternetAddress[] replyTo = new InternetAddress[envelope.replyTo().size()];
            for (int i = 0; i < replyTo.length; i++) {
                replyTo[i] = address(envelope.replyTo().get(i));
            }
            message.setReplyTo(replyTo);
        }
        message.setSubject(oneLine(mail.subject()), "UTF-8");
        message.setSentDate(Date.from(envelope.date()));
        if (envelope.listUnsubscribe().isPresent()) {
            Envelope.ListUnsubscribe unsubscribe = envelope.listUnsubscribe().get();
            String value = "<" + headerSafeUrl(unsubscribe.https()) + ">"
                    + unsubscribe.mailto().map(m -> ", <" + headerSafeUrl(m) + ">").orElse("");
            message.setHeader("List-Unsubscribe", value);
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.text(), "UTF-8", "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(mail.html(), "UTF-8", "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        message.setContent(alternative);
        message.saveChanges();
        return message;
    }

    static InternetAddress address(Envelope.Address address) throws AddressException {
        String email = address.email() == null ? "" : address.email().strip();
        if (LINE_BREAKS.matcher(email).find()) {
            throw new AddressException("An address contains a line break", email);
        }
        InternetAddress parsed = new InternetAddress(email, true);
        if (address.name() != null && !address.name().isBlank()) {
            try {
                parsed.setPersonal(oneLine(address.name()), "UTF-8");
            } catch (UnsupportedEncodingException e) {
                throw new IllegalStateException(e);
            }
        }
        return parsed;
    }

    static String oneLine(String text) {
        return LINE_BREAKS.matcher(text == null ? "" : text).replaceAll(" ").strip();
    }

    /** Our own URLs carry base32 tokens; anything that could end the header value or the angle brackets is refused. */
    private static String headerSafeUrl(String url) {
        if (!url.matches("[A-Za-z0-9:/?#@!$&'()*+,;=._~%\\[\\]-]+")) {
            throw new IllegalArgumentException("Not a header-safe URL: " + url);
        }
        return url;
    }

    /** Keeps the Message-ID stored on the outbox row instead of the random one saveChanges would make. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
