package org.rapport.responses;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.rapport.customers.Consent;
import org.rapport.customers.ConsentService;
import org.rapport.mail.LinkTokens.Claims;
import org.rapport.outbox.OutboxService;
import org.rapport.outbox.Response;
import org.rapport.outbox.Suppressions;
import org.rapport.platform.database.ColumnText;
import org.rapport.touches.Touch;
import org.rapport.touches.TouchKind;
import org.rapport.touches.TouchService;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Records what customers do with their emails. A consent change (unsubscribe, keep-only, bounce) first holds, shared,
 * the message its response will point at (a delivery holds that row before the customer row, so this keeps the same
 * order), then writes the customer row: that waits for a send in flight to the customer (which holds the row shared), so
 * once it commits nothing the customer refused can leave; the waiting messages are marked SUPPRESSED just after the
 * commit ({@link Suppressions}). ADR 0003.
 */
@ApplicationScoped
public class ResponseService {

    @Inject
    ResponseMapper mapper;

    @Inject
    OutboxService outbox;

    @Inject
    ConsentService consents;

    @Inject
    Suppressions suppressions;

    @Inject
    TouchService touches;

    @Inject
    org.rapport.planning.PlanningService planning;

    @Inject
    Clock clock;

    public Optional<CustomerContact> contact(long customerId) {
        return mapper.contact(customerId);
    }

    /** Stops all email to the customer (RFC 8058 one-click, the page's button, or the mailto). */
    @Transactional
    public void unsubscribe(Claims token, String how) {
        Instant now = clock.instant();
        outbox.holdForResponse(messageOf(token));
        consents.unsubscribe(token.customerId(), how);
        suppressions.afterCommit(token.customerId());
        outbox.recordResponse(new Response(messageOf(token), token.customerId(), Response.Kind.UNSUBSCRIBE, now, how, null));
    }

    /** Keeps the purposes the customer ticked and stops the others; keeping none is unsubscribing. */
    @Transactional
    public void keepOnly(Claims token, Set<Consent.Purpose> keep) {
        Instant now = clock.instant();
        outbox.holdForResponse(messageOf(token));
        consents.keepOnly(token.customerId(), keep);
        suppressions.afterCommit(token.customerId());
        outbox.recordResponse(new Response(messageOf(token), token.customerId(), Response.Kind.PREFERENCES, now,
                "keeps " + (keep.isEmpty() ? "nothing" : keep.stream().map(Enum::name).sorted().collect(Collectors.joining(", "))), null));
    }

    /** A satisfaction rating from a check-in email; 1 or 2 puts an urgent call on the owner's next list. */
    @Transactional
    public void rated(Claims token, int score) {
        outbox.recordResponse(new Response(messageOf(token), token.customerId(), Response.Kind.RATING, clock.instant(),
                Integer.toString(score), null));
        if (score <= Response.LOW_RATING) {
            planning.lowRating(token.customerId(), token.messageId(), score);
        }
    }

    @Transactional
    public void clicked(Claims token) {
        outbox.recordResponse(new Response(messageOf(token), token.customerId(), Response.Kind.CLICK, clock.instant(),
                truncate(token.data()), null));
    }

    /** The outbox message a Message-ID names, if it is one of ours. */
    public Optional<SentMessage> findSent(String messageId) {
        return messageId == null ? Optional.empty() : mapper.messageByMessageId(messageId.strip());
    }

    public Optional<SentMessage> findSent(long outboxId) {
        return mapper.messageById(outboxId);
    }

    /**
     * A customer answered: a response on the message and a two-way touch, which restarts the customer's cadence clock
     * and, like a logged call, closes their open courtesy, follow-up and re-sell calls. The same inbound Message-ID
     * twice counts once.
     *
     * @return false when this email was recorded before
     */
    @Transactional
    public boolean replied(SentMessage to, String inboundMessageId, Instant at, String summary) {
        String kept = keptText(to, summary); // asked once: the response and the touch keep the same words, or none
        if (!recordOnce(to, Response.Kind.REPLY, inboundMessageId, at, kept)) {
            return false;
        }
        if (to.customerId != null) {
            touches.received(new Touch(to.customerId, to.salespersonId, TouchKind.REPLY, TouchKind.Outcome.REPLIED,
                    at, kept, "rapport"));
        }
        return true;
    }

    /** An out-of-office or other automatic answer: noted on the message, never counted as a reply. */
    @Transactional
    public boolean autoReplied(SentMessage to, String inboundMessageId, Instant at, String summary) {
        return recordOnce(to, Response.Kind.AUTO_REPLY, inboundMessageId, at, keptText(to, summary));
    }

    /**
     * A delivery-status notification: the address bounces, so nothing more is sent to it until it is corrected; what
     * still waits for it is suppressed once this commits.
     */
    @Transactional
    public boolean bounced(SentMessage to, String inboundMessageId, Instant at, String diagnostic) {
        if (to.customerId == null) {
            return recordOnce(to, Response.Kind.BOUNCE, inboundMessageId, at, keptText(to, diagnostic));
        }
        if (outbox.responseRecorded(inboundMessageId)) {
            return false;
        }
        outbox.holdForResponse(to.id);
        consents.markBouncing(to.customerId);
        suppressions.afterCommit(to.customerId);
        String kept = keptText(to, diagnostic); // the response and the touch keep the same words, or none
        if (!recordOnce(to, Response.Kind.BOUNCE, inboundMessageId, at, kept)) {
            return false; // another reader recorded the same email a moment ago; suppressing and marking again changed nothing
        }
        touches.recordAll(List.of(new Touch(to.customerId, to.salespersonId, TouchKind.EMAIL, TouchKind.Outcome.BOUNCED,
                at, kept, "rapport")));
        return true;
    }

    private boolean recordOnce(SentMessage to, Response.Kind kind, String inboundMessageId, Instant at, String detail) {
        return outbox.recordResponseOnce(new Response(to.id, to.customerId, kind, at, detail, inboundMessageId));
    }

    /**
     * The words of an answer, as kept: none from an erased customer, who asked to be forgotten (an answer to an old
     * message can arrive after the erasure); it still counts as an answer.
     */
    private String keptText(SentMessage to, String text) {
        return to.erased ? null : truncate(text);
    }

    private static Long messageOf(Claims token) {
        return token.messageId() > 0 ? token.messageId() : null;
    }

    /** What fits {@code mail_response.detail} (and a touch's summary): its start and "…" within 2,000 characters. */
    private static String truncate(String text) {
        return text == null ? null : ColumnText.fitted(text, 2000);
    }
}
