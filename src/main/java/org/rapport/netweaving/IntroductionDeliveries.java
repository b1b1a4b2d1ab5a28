package org.rapport.netweaving;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.rapport.outbox.MailTemplate;
import org.rapport.outbox.MessageNotSent;
import org.rapport.outbox.MessageSent;

import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the outbox reports about an introduction's emails: a copy of the introduction sent or lost, a consent request or
 * reminder sent. Heard only after the outbox's record committed (its row is released by then, so a delivery never
 * waits for an introduction's row) and handled in a transaction of its own: a failure here is logged and changes
 * nothing the outbox wrote; {@link IntroductionStepsJob} catches up what was missed ({@link IntroductionConsents#catchUp}).
 * Every delivery fires these, so a message of another template returns at the first comparison, before anything is read.
 */
@ApplicationScoped
class IntroductionDeliveries {

    private static final Logger LOG = Logger.getLogger(IntroductionDeliveries.class.getName());
    private static final String INTRODUCTION = MailTemplate.INTRODUCTION.folder();
    private static final String CONSENT = MailTemplate.INTRODUCTION_CONSENT.folder();

    @Inject
    IntroductionConsents consents;

    void sent(@Observes(during = TransactionPhase.AFTER_SUCCESS) MessageSent sent) {
        if (INTRODUCTION.equals(sent.template())) {
            key(sent.idempotencyKey(), IntroductionMailKey.Kind.INTRODUCTION).ifPresent(k ->
                    safely(sent.messageId(), () -> consents.copySent(k.introductionId(), k.customerId(), sent.sentAt())));
        } else if (CONSENT.equals(sent.template())) {
            IntroductionMailKey.parse(sent.idempotencyKey()).filter(k -> k.kind() != IntroductionMailKey.Kind.INTRODUCTION)
                    .ifPresent(k -> safely(sent.messageId(), () -> consents.requestSent(k.introductionId(), k.side(),
                            k.kind() == IntroductionMailKey.Kind.REMINDER, sent.sentAt())));
        }
    }

    void notSent(@Observes(during = TransactionPhase.AFTER_SUCCESS) MessageNotSent lost) {
        if (INTRODUCTION.equals(lost.template())) {
            key(lost.idempotencyKey(), IntroductionMailKey.Kind.INTRODUCTION).ifPresent(k -> safely(lost.messageId(), () ->
                    consents.copyNotSent(k.introductionId(), k.customerId(), lost.status(), lost.reason())));
        } else if (CONSENT.equals(lost.template())) {
            IntroductionMailKey.parse(lost.idempotencyKey()).filter(k -> k.kind() != IntroductionMailKey.Kind.INTRODUCTION)
                    .ifPresent(k -> safely(lost.messageId(), () -> consents.requestNotSent(k.introductionId(), k.side(),
                            lost.status(), lost.reason())));
        }
    }

    /** The outbox's record stands whatever happens here: the introduction is caught up by the next steps job. */
    private static void safely(long messageId, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, e, () -> "Outbox message " + messageId + ": its introduction could not follow the "
                    + "delivery; the introductions' steps job catches it up");
        }
    }

    private static Optional<IntroductionMailKey> key(String key, IntroductionMailKey.Kind kind) {
        return IntroductionMailKey.parse(key).filter(k -> k.kind() == kind);
    }
}
