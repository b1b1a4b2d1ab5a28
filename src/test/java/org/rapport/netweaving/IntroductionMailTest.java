package org.rapport.netweaving;

import org.junit.jupiter.api.Test;
import org.rapport.outbox.MailTemplate;

import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapport.netweaving.IntroductionStage.CONSENTED;
import static org.rapport.netweaving.IntroductionStage.CONSENT_REQUESTED_FIRST;
import static org.rapport.netweaving.IntroductionStage.CONSENT_REQUESTED_SECOND;
import static org.rapport.netweaving.IntroductionStage.EXPIRED;
import static org.rapport.netweaving.IntroductionStage.INTRODUCED;
import static org.rapport.netweaving.IntroductionStage.WITHDRAWN;

class IntroductionMailTest {

    private static final BooleanSupplier SENT = () -> true;
    private static final BooleanSupplier NOT_SENT = () -> false;
    private static final Supplier<Optional<String>> OTHER_FREE = Optional::empty;
    private static final Supplier<Optional<String>> OTHER_UNSUBSCRIBED = () -> Optional.of("the customer unsubscribed");

    @Test
    void readsNetweavingKeysOfTheirOwnTemplateOnly() {
        assertThat(IntroductionMail.of(MailTemplate.INTRODUCTION_CONSENT, "consent:42:FIRST"))
                .contains(new IntroductionMail(IntroductionMail.Kind.REQUEST, 42, ConsentSide.FIRST));
        assertThat(IntroductionMail.of(MailTemplate.INTRODUCTION_CONSENT, "consent-reminder:42:SECOND"))
                .contains(new IntroductionMail(IntroductionMail.Kind.REMINDER, 42, ConsentSide.SECOND));
        assertThat(IntroductionMail.of(MailTemplate.INTRODUCTION, "introduction:42:7"))
                .contains(new IntroductionMail(IntroductionMail.Kind.INTRODUCTION, 42, null));
        assertThat(IntroductionMail.of(MailTemplate.THANK_YOU_INTRODUCTION, "thank-you-introduction:42:7"))
                .contains(new IntroductionMail(IntroductionMail.Kind.THANK_YOU, 42, null));
        // a caller's key (POST /api/outbox), another template, another feature's key: not netweaving's mail
        assertThat(IntroductionMail.of(MailTemplate.INTRODUCTION, "api:admin:introduction:42:7")).isEmpty();
        assertThat(IntroductionMail.of(MailTemplate.THANK_YOU_PURCHASE, "introduction:42:7")).isEmpty();
        assertThat(IntroductionMail.of(MailTemplate.INTRODUCTION_CONSENT, "consent:42:THIRD")).isEmpty();
        assertThat(IntroductionMail.of(MailTemplate.INTRODUCTION_CONSENT, "consent:x:FIRST")).isEmpty();
        assertThat(IntroductionMail.of(MailTemplate.INTRODUCTION, null)).isEmpty();
    }

    @Test
    void aReminderFollowsTheRequestOfItsSide() {
        assertThat(IntroductionMail.of(MailTemplate.INTRODUCTION_CONSENT, "consent-reminder:42:SECOND").orElseThrow().requestKey())
                .isEqualTo("consent:42:SECOND");
    }

    @Test
    void aRequestGoesOnlyWhileItsSideIsAwaited() {
        IntroductionMail first = new IntroductionMail(IntroductionMail.Kind.REQUEST, 42, ConsentSide.FIRST);
        assertThat(first.refusal(CONSENT_REQUESTED_FIRST, NOT_SENT, OTHER_UNSUBSCRIBED)).isEmpty();
        assertThat(first.refusal(CONSENT_REQUESTED_SECOND, SENT, OTHER_FREE)).get().asString()
                .isEqualTo("introduction 42 no longer awaits this answer (it is CONSENT_REQUESTED_SECOND)");
        assertThat(first.refusal(WITHDRAWN, SENT, OTHER_FREE)).isPresent();
    }

    @Test
    void aReminderGoesOnlyAfterItsRequestReachedTheCustomerAndWhileTheAnswerIsAwaited() {
        IntroductionMail reminder = new IntroductionMail(IntroductionMail.Kind.REMINDER, 42, ConsentSide.FIRST);
        assertThat(reminder.refusal(CONSENT_REQUESTED_FIRST, SENT, OTHER_FREE)).isEmpty();
        assertThat(reminder.refusal(CONSENT_REQUESTED_FIRST, NOT_SENT, OTHER_FREE)).get().asString()
                .contains("never reached the customer");
        assertThat(reminder.refusal(CONSENT_REQUESTED_SECOND, SENT, OTHER_FREE)).get().asString().contains("no longer awaits");
        assertThat(reminder.refusal(EXPIRED, SENT, OTHER_FREE)).isPresent();
    }

    @Test
    void theIntroductionAndItsThankYouGoOnlyWhileTheOtherCustomerMayStillBeIntroduced() {
        for (IntroductionMail.Kind kind : new IntroductionMail.Kind[]{IntroductionMail.Kind.INTRODUCTION, IntroductionMail.Kind.THANK_YOU}) {
            IntroductionMail mail = new IntroductionMail(kind, 42, null);
            assertThat(mail.refusal(INTRODUCED, NOT_SENT, OTHER_FREE)).isEmpty();
            assertThat(mail.refusal(CONSENTED, NOT_SENT, OTHER_FREE)).isEmpty();
            assertThat(mail.refusal(INTRODUCED, NOT_SENT, OTHER_UNSUBSCRIBED)).get().asString()
                    .isEqualTo("introduction 42: the other customer can no longer be introduced: the customer unsubscribed");
            assertThat(mail.refusal(WITHDRAWN, NOT_SENT, OTHER_FREE)).get().asString().contains("was not made");
        }
    }
}
