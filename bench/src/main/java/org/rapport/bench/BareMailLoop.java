package org.rapport.bench;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The physical limit of dispatch: a bare Jakarta Mail loop, no database and no templates. {@code threads} threads each
 * open one SMTP connection ({@link Transport}) and reuse it for all their messages, taking the next recipient from a
 * shared counter. Every message is built afresh like the service builds its own ({@code multipart/alternative}, text
 * then HTML, UTF-8, From/To with display names, Reply-To, List-Unsubscribe and List-Unsubscribe-Post), with the
 * subject and both bodies copied from a message the service itself sent, so both send the same bytes to the same
 * server; only the recipient changes.
 */
final class BareMailLoop {

    record Result(int messages, long nanos) {
        double perSecond() {
            return messages / (nanos / 1e9);
        }
    }

    /** What is copied from the service's message. */
    private record Sample(Address from, Address[] replyTo, String subject, String listUnsubscribe, String listUnsubscribePost,
                          String text, String html) {
    }

    private final Session session;
    private final Sample sample;

    /** @param mime a message the service sent (from {@link MailSink#sample()}) */
    BareMailLoop(int smtpPort, byte[] mime) throws MessagingException, IOException {
        Properties p = new Properties();
        p.setProperty("mail.smtp.host", "127.0.0.1");
        p.setProperty("mail.smtp.port", String.valueOf(smtpPort));
        // the service's timeouts (Postmen.properties), so the two open the same kind of connection
        p.setProperty("mail.smtp.connectiontimeout", "10000");
        p.setProperty("mail.smtp.timeout", "30000");
        p.setProperty("mail.smtp.writetimeout", "30000");
        p.setProperty("mail.smtp.from", "outreach@rapport.bench");
        session = Session.getInstance(p);
        MimeMessage m = new MimeMessage(session, new ByteArrayInputStream(mime));
        String text = null;
        String html = null;
        Multipart parts = (Multipart) m.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            Part part = parts.getBodyPart(i);
            if (part.isMimeType("text/plain")) {
                text = (String) part.getContent();
            } else if (part.isMimeType("text/html")) {
                html = (String) part.getContent();
            }
        }
        if (text == null || html == null || !m.isMimeType("multipart/alternative")) {
            throw new IllegalStateException("the sample is not multipart/alternative with text and HTML: " + m.getContentType());
        }
        sample = new Sample(m.getFrom()[0], m.getReplyTo(), m.getSubject(), m.getHeader("List-Unsubscribe", null),
                m.getHeader("List-Unsubscribe-Post", null), text, html);
    }

    /** Sizes of the copied parts, for the log. */
    String describe() {
        return String.format("subject %d chars, text %d chars, HTML %d chars, List-Unsubscribe %s", sample.subject.length(),
                sample.text.length(), sample.html.length(), sample.listUnsubscribe == null ? "absent" : "present");
    }

    /**
     * Sends {@code count} messages to {@code recipients} (round robin) over {@code threads} reused connections. With
     * {@code checkEachTime}, {@code Transport.isConnected()} is called before every message, as the service's
     * {@code SmtpPostman} does: Angus answers it with an SMTP NOOP round trip to the server.
     */
    Result run(int count, int threads, List<String> recipients, boolean checkEachTime) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Exception> failure = new AtomicReference<>();
        List<Thread> workers = new ArrayList<>();
        long started = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                try (Transport transport = session.getTransport("smtp")) {
                    transport.connect();
                    for (int i = next.getAndIncrement(); i < count && failure.get() == null; i = next.getAndIncrement()) {
                        MimeMessage message = compose(recipients.get(i % recipients.size()));
                        if (checkEachTime && !transport.isConnected()) {
                            throw new IllegalStateException("the SMTP connection dropped");
                        }
                        transport.sendMessage(message, message.getAllRecipients());
                    }
                } catch (Exception e) {
                    failure.compareAndSet(null, e);
                }
            }, "bare-mail-" + t);
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        long nanos = System.nanoTime() - started;
        if (failure.get() != null) {
            throw new IllegalStateException("the bare mail loop failed", failure.get());
        }
        return new Result(count, nanos);
    }

    private MimeMessage compose(String to) throws MessagingException, IOException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(sample.from);
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to, "Bench Customer", "UTF-8"));
        if (sample.replyTo != null) {
            message.setReplyTo(sample.replyTo);
        }
        message.setSubject(sample.subject, "UTF-8");
        message.setSentDate(new Date());
        if (sample.listUnsubscribe != null) {
            message.setHeader("List-Unsubscribe", sample.listUnsubscribe);
            message.setHeader("List-Unsubscribe-Post", sample.listUnsubscribePost);
        }
        MimeBodyPart text = new MimeBodyPart();
        text.setText(sample.text, "UTF-8", "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(sample.html, "UTF-8", "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        message.setContent(alternative);
        message.saveChanges();
        return message;
    }
}
