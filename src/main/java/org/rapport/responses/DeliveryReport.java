package org.rapport.responses;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.ParseException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A delivery-status notification (RFC 3464): {@code multipart/report; report-type=delivery-status} with a
 * machine-readable {@code message/delivery-status} part and the returned message (or only its headers).
 */
final class DeliveryReport {

    private static final int MAX_STATUS_BYTES = 64 * 1024;
    private static final Pattern BLANK_LINE = Pattern.compile("\\r?\\n[ \\t]*\\r?\\n");
    private static final Pattern STATUS = Pattern.compile("^([245])\\.\\d{1,3}\\.\\d{1,3}\\b.*");

    /** One recipient block: what happened to the message for that address. */
    record Recipient(String address, String action, String status, String diagnostic) {

        /** RFC 3464 "failed" with a permanent (5.x.x) status; a 4.x.x is a delay, the server still tries. */
        boolean failedForGood() {
            return "failed".equalsIgnoreCase(action) && status != null && STATUS.matcher(status).matches()
                    && status.startsWith("5");
        }

        String describe() {
            return (status == null ? action : status) + " " + (address == null ? "?" : address)
                    + (diagnostic == null ? "" : ": " + diagnostic);
        }
    }

    final List<Recipient> recipients = new ArrayList<>();
    /** Headers of the returned message, when the report carries them. */
    InternetHeaders original;

    private DeliveryReport() {
    }

    static boolean isOne(MimeMessage message) throws MessagingException {
        if (!message.isMimeType("multipart/report")) {
            return false;
        }
        try {
            return "delivery-status".equalsIgnoreCase(new ContentType(message.getContentType()).getParameter("report-type"));
        } catch (ParseException e) {
            return false;
        }
    }

    static DeliveryReport read(MimeMessage message) throws MessagingException, IOException {
        DeliveryReport report = new DeliveryReport();
        if (message.getContent() instanceof Multipart parts) {
            for (int i = 0; i < parts.getCount(); i++) {
                report.readPart(parts.getBodyPart(i));
            }
        }
        return report;
    }

    private void readPart(BodyPart part) throws MessagingException, IOException {
        if (part.isMimeType("message/delivery-status") || part.isMimeType("message/global-delivery-status")) {
            readStatus(part);
        } else if (original == null && (part.isMimeType("message/rfc822") || part.isMimeType("message/global")
                || part.isMimeType("text/rfc822-headers") || part.isMimeType("message/global-headers"))) {
            // the header section of the returned message, however much of it came back
            try (InputStream in = part.getInputStream()) {
                original = new InternetHeaders(in, true);
            }
        }
    }

    /** Per-message fields, then one block of fields per recipient, separated by blank lines (RFC 3464 2.1). */
    private void readStatus(Part part) throws MessagingException, IOException {
        String text;
        try (InputStream in = part.getInputStream()) {
            text = new String(in.readNBytes(MAX_STATUS_BYTES), StandardCharsets.UTF_8);
        }
        for (String block : BLANK_LINE.split(text.strip())) {
            InternetHeaders fields = new InternetHeaders(new ByteArrayInputStream(block.getBytes(StandardCharsets.UTF_8)), true);
            String action = field(fields, "Action");
            if (action != null) {
                recipients.add(new Recipient(address(fields), action, firstWord(field(fields, "Status")),
                        field(fields, "Diagnostic-Code")));
            }
        }
    }

    boolean failedForGood() {
        return recipients.stream().anyMatch(Recipient::failedForGood);
    }

    /** The addresses that failed for good, as the report names them (angle brackets removed). */
    List<String> failedAddresses() {
        return recipients.stream().filter(Recipient::failedForGood).map(Recipient::address).filter(a -> a != null && !a.isEmpty())
                .toList();
    }

    String describe() {
        List<Recipient> failed = recipients.stream().filter(Recipient::failedForGood).toList();
        return String.join("; ", (failed.isEmpty() ? recipients : failed).stream().map(Recipient::describe).toList());
    }

    /** Final-Recipient ("rfc822; someone@example.com"), or Original-Recipient when that is all there is. */
    private static String address(InternetHeaders fields) {
        String recipient = field(fields, "Final-Recipient");
        recipient = recipient == null ? field(fields, "Original-Recipient") : recipient;
        if (recipient == null) {
            return null;
        }
        int semicolon = recipient.indexOf(';');
        String address = semicolon >= 0 ? recipient.substring(semicolon + 1).strip() : recipient;
        return address.startsWith("<") && address.endsWith(">") ? address.substring(1, address.length() - 1).strip() : address;
    }

    static String field(InternetHeaders headers, String name) {
        String value = headers.getHeader(name, " ");
        return value == null ? null : value.replaceAll("\\s+", " ").strip();
    }

    private static String firstWord(String value) {
        return value == null ? null : value.split("[\\s(]", 2)[0];
    }
}
