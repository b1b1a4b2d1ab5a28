package org.rapport.responses;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import org.rapport.responses.Inbound.Kind;

import java.io.IOException;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides what an email in the reply mailbox is — a bounce, an automatic answer, an unsubscribe request or a person's
 * reply — and how it names the message of ours it is about. Pure: no container, no network.
 */
public final class InboundClassifier {

    /** The length of {@code mail_response.inbound_message_id}. */
    private static final int MAX_MESSAGE_ID = 255;
    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");
    /** A plus-addressed recipient ({@code replies+<token>@…}); tokens are base32. */
    private static final Pattern PLUS_TOKEN = Pattern.compile("^[^@+]+\\+([A-Za-z2-7]{16,})@.+$");
    private static final Pattern UNSUBSCRIBE = Pattern.compile("(?i)(?:^|\\s)unsubscribe\\s+([a-z2-7]{16,})(?:\\s|$)");
    private static final Pattern AUTO_REPLY_SUBJECT = Pattern.compile(String.join("|",
            "out of (the )?office", "out-of-office", "automatic reply", "auto[- ]?reply", "auto-response",
            "abwesenheitsnotiz", "automatische antwort", "abwesenheitsmeldung",
            "réponse automatique", "reponse automatique", "absent du bureau", "absence du bureau"),
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** Headers whose mere presence marks an automatic answer. */
    private static final List<String> AUTO_REPLY_HEADERS = List.of("X-Autoreply", "X-Autorespond", "X-Autoresponder",
            "X-Auto-Response-Suppress");
    private static final Set<String> AUTO_PRECEDENCE = Set.of("auto_reply", "bulk", "junk");
    private static final List<String> RECIPIENT_HEADERS = List.of("To", "Cc", "Delivered-To", "X-Original-To");

    private InboundClassifier() {
    }

    public static Inbound classify(MimeMessage message) throws MessagingException, IOException {
        String id = messageId(message);
        Instant sentAt = message.getSentDate() == null ? null : message.getSentDate().toInstant();
        if (DeliveryReport.isOne(message)) {
            DeliveryReport report = DeliveryReport.read(message);
            InternetHeaders original = report.original;
            List<String> references = original == null ? List.of() : messageIds(original.getHeader("Message-ID", " "));
            List<String> tokens = original == null ? List.of() : tokens(original.getHeader("Reply-To", ","));
            return new Inbound(report.failedForGood() ? Kind.BOUNCE : Kind.DELIVERY_NOTICE, id, sentAt, references, tokens,
                    null, TextSummary.shorten(report.describe()), report.failedAddresses());
        }
        List<String> references = references(message);
        List<String> tokens = recipientTokens(message);
        String subject = message.getSubject() == null ? "" : message.getSubject();
        Matcher unsubscribe = UNSUBSCRIBE.matcher(subject);
        if (unsubscribe.find()) {
            return new Inbound(Kind.UNSUBSCRIBE, id, sentAt, references, tokens, unsubscribe.group(1), subject.strip(), List.of());
        }
        String summary = summary(message);
        if (summary.isEmpty()) {
            summary = TextSummary.shorten(subject.strip());
        }
        return new Inbound(isAutomatic(message, subject) ? Kind.AUTO_REPLY : Kind.REPLY, id, sentAt, references, tokens,
                null, summary, List.of());
    }

    /** A broken body (bad MIME structure, unknown encoding) still leaves a reply a reply, only without its text. */
    private static String summary(MimeMessage message) {
        try {
            return TextSummary.of(message);
        } catch (MessagingException | IOException | RuntimeException e) {
            return "";
        }
    }

    /** RFC 3834 and the headers and subjects common responders use instead. */
    static boolean isAutomatic(MimeMessage message, String subject) throws MessagingException {
        String autoSubmitted = message.getHeader("Auto-Submitted", ",");
        if (autoSubmitted != null && !autoSubmitted.split(";", 2)[0].strip().equalsIgnoreCase("no")) {
            return true;
        }
        for (String header : AUTO_REPLY_HEADERS) {
            if (message.getHeader(header) != null) {
                return true;
            }
        }
        String precedence = message.getHeader("Precedence", ",");
        if (precedence != null && AUTO_PRECEDENCE.contains(precedence.strip().toLowerCase(Locale.ROOT))) {
            return true;
        }
        return AUTO_REPLY_SUBJECT.matcher(subject).find();
    }

    /** In-Reply-To first (the message answered), then References from the newest to the oldest. */
    private static List<String> references(MimeMessage message) throws MessagingException {
        Set<String> ids = new LinkedHashSet<>(messageIds(message.getHeader("In-Reply-To", " ")));
        List<String> references = new ArrayList<>(messageIds(message.getHeader("References", " ")));
        for (int i = references.size() - 1; i >= 0; i--) {
            ids.add(references.get(i));
        }
        return List.copyOf(ids);
    }

    private static List<String> messageIds(String header) {
        if (header == null) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        Matcher m = MESSAGE_ID.matcher(header);
        while (m.find()) {
            ids.add(m.group());
        }
        return ids;
    }

    private static List<String> recipientTokens(MimeMessage message) throws MessagingException {
        Set<String> tokens = new LinkedHashSet<>();
        for (String header : RECIPIENT_HEADERS) {
            String[] values = message.getHeader(header);
            for (String value : values == null ? new String[0] : values) {
                tokens.addAll(tokens(value));
            }
        }
        return List.copyOf(tokens);
    }

    /** Tokens of the plus-addressed mailboxes in an address list header; an unreadable header has none. */
    private static List<String> tokens(String addressList) {
        if (addressList == null) {
            return List.of();
        }
        List<String> tokens = new ArrayList<>();
        try {
            for (InternetAddress address : InternetAddress.parseHeader(addressList, false)) {
                Matcher m = PLUS_TOKEN.matcher(address.getAddress() == null ? "" : address.getAddress());
                if (m.matches()) {
                    tokens.add(m.group(1).toLowerCase(Locale.ROOT));
                }
            }
        } catch (AddressException e) {
            return List.of();
        }
        return tokens;
    }

    /** The email's own Message-ID; one it lacks (or too long to store) is replaced by a hash of the whole email. */
    static String messageId(MimeMessage message) throws MessagingException, IOException {
        String id = message.getMessageID();
        if (id != null) {
            id = id.replaceAll("\\s+", "");
            if (!id.isEmpty() && id.length() <= MAX_MESSAGE_ID) {
                return id;
            }
        }
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            try (OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), sha256)) {
                message.writeTo(out);
            }
            return "<" + HexFormat.of().formatHex(sha256.digest()) + "@inbound.rapport>";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
