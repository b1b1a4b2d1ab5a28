package org.rapport.netweaving;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.rapport.outbox.MailTemplate;
import org.rapport.outbox.MessageNotSent;
import org.rapport.outbox.MessageSent;

import java.util.Optional;

/**
 * What the outbox reports about an introduction's emails, in the transaction that records it: a copy of the
 * introduction sent or lost, a consent request or reminder sent. Every delivery fires these, so a message of another
 * template returns at the first comparison, before anything is read.
 */
@ApplicationScoped
class IntroductionDeliveries {

    private static final String INTRODUCTION = MailTemplate.INTRODUCTION.folder();
    private static final String CONSENT = MailTemplate.INTRODUCTION_CONSENT.folder();

    @Inject
    IntroductionConsents consents;

    void sent(@Observes MessageSent sent) {
        if (INTRODUCTION.equals(sent.template())) {
            key(sent.idempotencyKey(), IntroductionMailKey.Kind.INTRODUCTION).ifPresent(k -> consents.copySent(k.introductionId()));
        } else if (CONSENT.equals(sent.template())) {
            IntroductionMailKey.parse(sent.idempotencyKey()).filter(k -> k.kind() != IntroductionMailKey.Kind.INTRODUCTION)
                    .ifPresent(k -> consents.requestSent(k.introductionId(), k.side(),
                            k.kind() == IntroductionMailKey.Kind.REMINDER, sent.sentAt()));
        }
    }

    void notSent(@Observes MessageNotSent lost) {
        if (INTRODUCTION.equals(lost.template())) {
            key(lost.idempotencyKey(), IntroductionMailKey.Kind.INTRODUCTION).ifPresent(k ->
                    consents.copyNotSent(k.introductionId(), k.customerId(), lost.status(), lost.reason()));
        }
    }

    private static Optional<IntroductionMailKey> key(String key, IntroductionMailKey.Kind kind) {
        return IntroductionMailKey.parse(key).filter(k -> k.kind() == kind);
    }
}
