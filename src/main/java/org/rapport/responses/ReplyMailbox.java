package org.rapport.responses;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.FolderClosedException;
import jakarta.mail.Message;
import jakarta.mail.MessageRemovedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.AndTerm;
import jakarta.mail.search.FlagTerm;
import jakarta.mail.search.NotTerm;
import jakarta.mail.search.SearchTerm;
import org.rapport.mail.LinkTokens.Claims;
import org.rapport.mail.LinkTokens.Purpose;
import org.rapport.outbox.Links;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Reads the reply mailbox over IMAP: each unseen email is classified, recorded as a response (and for a reply as a
 * two-way touch), then flagged \Seen and {@value #PROCESSED}. Recording dedupes by the email's Message-ID, so a crash
 * between recording and flagging counts nothing twice. One email that cannot be read or recorded never stops the rest:
 * it is logged with its Message-ID; one that cannot be read, or could not be recorded in {@value #MAX_ATTEMPTS} runs, is
 * flagged \Seen and {@value #FAILED_FLAG} (where the server keeps keywords) and left in the mailbox for a person.
 */
@ApplicationScoped
public class ReplyMailbox {

    private static final Logger LOG = Logger.getLogger(ReplyMailbox.class.getName());

    /** Marks what Rapport handled, where the server keeps custom keywords. */
    static final String PROCESSED = "$RapportProcessed";
    /** Marks what Rapport could not read or record, so that a person can find it. */
    static final String FAILED_FLAG = "$RapportFailed";
    /** Runs in which recording one email may fail before it is given up on. */
    static final int MAX_ATTEMPTS = 3;
    private static final int BATCH = 50;
    /** Bounds one run; the rest waits for the next firing. */
    private static final int MAX_PER_RUN = 1000;
    /** Larger emails are judged by their headers alone, so one huge attachment is never held in memory. */
    private static final int MAX_FULL_BYTES = 10 * 1024 * 1024;
    /** A long References chain names many old messages; the newest are enough. */
    private static final int MAX_REFERENCES = 20;

    /** What became of one email. */
    enum Outcome {
        REPLY, AUTO_REPLY, BOUNCE, UNSUBSCRIBE, SEEN_BEFORE, NOT_OURS, NOTICE,
        /** A report that names our message but another address as the one that failed: the customer's is fine. */
        BOUNCE_OF_OTHER_ADDRESS,
        UNREADABLE,
        /** Not recorded this time; tried again at the next run. */
        FAILED,
        /** Not recorded in {@value #MAX_ATTEMPTS} runs: flagged and left alone. */
        GAVE_UP
    }

    @Inject
    ImapSettings settings;

    @Inject
    ResponseService responses;

    @Inject
    Links links;

    @Inject
    Clock clock;

    private Session session;

    private final FailedEmails failures = new FailedEmails(MAX_ATTEMPTS);

    @PostConstruct
    void init() {
        session = Session.getInstance(settings.sessionProperties());
    }

    /** Handles what is new in the mailbox; how many emails ended how. A mailbox that cannot be reached is logged. */
    public Map<Outcome, Integer> readNew() {
        Map<Outcome, Integer> tally = new EnumMap<>(Outcome.class);
        try (Store store = session.getStore(settings.protocol())) {
            store.connect(settings.host().orElseThrow(), settings.port(), settings.user(), settings.password());
            Folder folder = store.getFolder(settings.folder());
            folder.open(Folder.READ_WRITE);
            try {
                readFolder(folder, tally);
            } finally {
                if (folder.isOpen()) {
                    folder.close(false);
                }
            }
        } catch (MessagingException e) {
            LOG.warning("The reply mailbox " + settings + " could not be read: " + e);
            LOG.log(Level.FINE, "Reading the reply mailbox failed", e);
        }
        if (!tally.isEmpty()) {
            LOG.info(() -> "Reply mailbox: " + tally.entrySet().stream().map(t -> t.getValue() + " " + t.getKey())
                    .collect(Collectors.joining(", ")));
        }
        return Collections.unmodifiableMap(tally);
    }

    private void readFolder(Folder folder, Map<Outcome, Integer> tally) throws MessagingException {
        boolean keywords = folder.getPermanentFlags().contains(Flags.Flag.USER);
        SearchTerm unseen = new FlagTerm(new Flags(Flags.Flag.SEEN), false);
        SearchTerm wanted = keywords ? new AndTerm(unseen, new NotTerm(new FlagTerm(new Flags(PROCESSED), true))) : unseen;
        Message[] found = folder.search(wanted);
        Flags done = new Flags(Flags.Flag.SEEN);
        Flags failed = new Flags(Flags.Flag.SEEN);
        if (keywords) {
            done.add(PROCESSED);
            failed.add(FAILED_FLAG);
        }
        int total = Math.min(found.length, MAX_PER_RUN);
        for (int from = 0; from < total; from += BATCH) {
            Message[] batch = Arrays.copyOfRange(found, from, Math.min(total, from + BATCH));
            FetchProfile sizes = new FetchProfile();
            sizes.add(FetchProfile.Item.SIZE);
            folder.fetch(batch, sizes);
            for (Message message : batch) {
                String key = key(folder, message);
                Outcome outcome = handle(folder, (MimeMessage) message, key);
                tally.merge(outcome, 1, Integer::sum);
                if (outcome != Outcome.FAILED) {
                    markDone(folder, message, outcome == Outcome.UNREADABLE || outcome == Outcome.GAVE_UP ? failed : done);
                }
            }
        }
    }

    private static void markDone(Folder folder, Message message, Flags done) throws MessagingException {
        try {
            message.setFlags(done, true);
        } catch (MessageRemovedException e) {
            // someone deleted it meanwhile: nothing left to mark
        } catch (MessagingException e) {
            if (!folder.isOpen()) {
                throw e;
            }
            LOG.log(Level.WARNING, "Email " + message.getMessageNumber() + " in the reply mailbox could not be flagged", e);
        }
    }

    /** The email's identity in this mailbox across runs: its UID (and the folder's UIDVALIDITY). */
    private static String key(Folder folder, Message message) throws MessagingException {
        if (folder instanceof UIDFolder uids) {
            return uids.getUIDValidity() + ":" + uids.getUID(message);
        }
        return folder.getFullName() + "#" + message.getMessageNumber();
    }

    /** Never throws for the email itself; only a lost connection ends the run. */
    private Outcome handle(Folder folder, MimeMessage message, String key) throws MessagingException {
        Inbound inbound;
        try {
            inbound = InboundClassifier.classify(local(message));
        } catch (MessagingException | IOException | RuntimeException e) {
            if (!folder.isOpen()) {
                throw new FolderClosedException(folder, "The connection to the reply mailbox was lost");
            }
            LOG.log(Level.WARNING, e, () -> "Email " + describe(message, key) + " in the reply mailbox is unreadable; flagged "
                    + FAILED_FLAG + " and skipped");
            return Outcome.UNREADABLE;
        }
        try {
            Outcome outcome = record(inbound);
            failures.recorded(key);
            return outcome;
        } catch (RuntimeException e) {
            if (failures.failed(key, e)) {
                LOG.log(Level.SEVERE, e, () -> "Email " + inbound.messageId() + " (" + key + ") from the reply mailbox could "
                        + "not be recorded in " + MAX_ATTEMPTS + " runs; flagged " + FAILED_FLAG + " and given up");
                return Outcome.GAVE_UP;
            }
            LOG.log(Level.WARNING, e, () -> "Email " + inbound.messageId() + " (" + key + ") from the reply mailbox was not "
                    + "recorded (" + failures.attempts(key) + " of " + MAX_ATTEMPTS + " runs); it is tried again");
            return Outcome.FAILED;
        }
    }

    /** Its Message-ID when the header can be read, and its key. */
    private static String describe(MimeMessage message, String key) {
        try {
            String id = message.getMessageID();
            return (id == null ? "without Message-ID" : id) + " (" + key + ")";
        } catch (MessagingException | RuntimeException e) {
            return "(" + key + ")";
        }
    }

    /** A copy in memory: one fetch from the server, and the classifier never goes back to it. */
    private MimeMessage local(MimeMessage remote) throws MessagingException {
        if (remote.getSize() <= MAX_FULL_BYTES) {
            return new MimeMessage(remote);
        }
        StringBuilder headers = new StringBuilder();
        for (String line : Collections.list(remote.getAllHeaderLines())) {
            headers.append(line).append("\r\n");
        }
        headers.append("\r\n");
        return new MimeMessage(session, new ByteArrayInputStream(headers.toString().getBytes(StandardCharsets.UTF_8)));
    }

    Outcome record(Inbound inbound) {
        Instant now = clock.instant();
        Instant at = inbound.sentAt() == null || inbound.sentAt().isAfter(now) ? now : inbound.sentAt();
        if (inbound.kind() == Inbound.Kind.DELIVERY_NOTICE) {
            LOG.fine(() -> "Delivery notice " + inbound.messageId() + " (no failure): " + inbound.summary());
            return Outcome.NOTICE;
        }
        if (inbound.kind() == Inbound.Kind.UNSUBSCRIBE) {
            Optional<Claims> token = links.verify(inbound.unsubscribeToken(), Purpose.UNSUBSCRIBE);
            if (token.isEmpty()) {
                LOG.fine(() -> "Unsubscribe email " + inbound.messageId() + " carries no valid token");
                return Outcome.NOT_OURS;
            }
            responses.unsubscribe(token.get(), "mailto");
            return Outcome.UNSUBSCRIBE;
        }
        Optional<SentMessage> sent = sentMessage(inbound);
        if (sent.isEmpty()) {
            LOG.fine(() -> inbound.kind() + " " + inbound.messageId() + " matches none of our messages");
            return Outcome.NOT_OURS;
        }
        // an erased customer's message keeps no recipient to compare with: the bounce names our message and counts, as
        // their reply would, without its words (ResponseService) and without the address in this log
        if (inbound.kind() == Inbound.Kind.BOUNCE && !sent.get().erased && !inbound.bounceOf(sent.get().recipient)) {
            LOG.info(() -> "Bounce " + inbound.messageId() + " names outbox message " + sent.get().id + " but reports "
                    + inbound.bounced() + " as failed, not its recipient; the customer's address is not marked");
            return Outcome.BOUNCE_OF_OTHER_ADDRESS;
        }
        boolean first = switch (inbound.kind()) {
            case REPLY -> responses.replied(sent.get(), inbound.messageId(), at, inbound.summary());
            case AUTO_REPLY -> responses.autoReplied(sent.get(), inbound.messageId(), at, inbound.summary());
            case BOUNCE -> responses.bounced(sent.get(), inbound.messageId(), at, inbound.summary());
            default -> throw new IllegalStateException(inbound.kind().toString());
        };
        return !first ? Outcome.SEEN_BEFORE : Outcome.valueOf(inbound.kind().name());
    }

    /** In-Reply-To, then References from the newest, then the token of the plus-addressed reply address. */
    private Optional<SentMessage> sentMessage(Inbound inbound) {
        for (String id : inbound.references().subList(0, Math.min(MAX_REFERENCES, inbound.references().size()))) {
            Optional<SentMessage> sent = responses.findSent(id);
            if (sent.isPresent()) {
                return sent;
            }
        }
        for (String token : inbound.replyTokens()) {
            Optional<SentMessage> sent = links.verify(token, Purpose.REPLY).flatMap(c -> responses.findSent(c.messageId()));
            if (sent.isPresent()) {
                return sent;
            }
        }
        return Optional.empty();
    }
}
