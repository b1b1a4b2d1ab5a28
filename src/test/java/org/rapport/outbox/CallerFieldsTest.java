package org.rapport.outbox;

import org.junit.jupiter.api.Test;
import org.rapport.outbox.MailModel.IntroducedContact;
import org.rapport.outbox.MailModel.Introduction;
import org.rapport.outbox.MailModel.Problem;
import org.rapport.outbox.MailModel.ProblemCheckIn;
import org.rapport.outbox.MailModel.Purchase;
import org.rapport.outbox.MailModel.ThankYouAnniversary;
import org.rapport.outbox.MailModel.ThankYouPurchase;
import org.rapport.platform.errors.InvalidInput;

import java.math.BigDecimal;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a caller of POST /api/outbox may put into a customer's email: declared plain text, nothing else. */
class CallerFieldsTest {

    @Test
    void declaredFieldsBecomeTheModelNestedOrDotted() {
        assertThat(CallerFields.model(MailTemplate.THANK_YOU_PURCHASE, Map.of("purchase",
                Map.of("description", "Jahresvertrag", "amount", "12.500,00 EUR", "date", "20.11.2026"))))
                .isEqualTo(new ThankYouPurchase(new Purchase("Jahresvertrag", "12.500,00 EUR", "20.11.2026")));
        assertThat(CallerFields.model(MailTemplate.PROBLEM_CHECK_IN, Map.of("problem.summary", "Late delivery")))
                .isEqualTo(new ProblemCheckIn(new Problem("Late delivery", null), null));
        assertThat(CallerFields.model(MailTemplate.THANK_YOU_ANNIVERSARY, Map.of("years", new BigDecimal("3"))))
                .isEqualTo(new ThankYouAnniversary("3"));
    }

    @Test
    void aLinkFieldIsRefusedByName() {
        assertThatThrownBy(() -> CallerFields.model(MailTemplate.THANK_YOU_ANNIVERSARY,
                Map.of("years", "2", "links", Map.of("website", "https://evil.example"))))
                .isInstanceOf(InvalidInput.class)
                .hasMessage("fields.links.website: the links in an email are made by Rapport; a caller cannot set them.");
    }

    @Test
    void aLinkInsideTextIsRefused() {
        assertThatThrownBy(() -> CallerFields.model(MailTemplate.PROBLEM_FOLLOW_UP,
                Map.of("problem", Map.of("summary", "Click javascript:alert(document.cookie)"))))
                .isInstanceOf(InvalidInput.class)
                .hasMessage("fields.problem.summary: must be plain text without links ('javascript:'); every link in an email is made by Rapport.");
        for (String text : new String[]{"see https://evil.example/pay", "go to www.evil.example", "HTTP://X", "mailto:a@b.c"}) {
            assertThatThrownBy(() -> CallerFields.model(MailTemplate.REWARD_NOTICE, Map.of("reward.description", text)))
                    .as(text).isInstanceOf(InvalidInput.class).hasMessageStartingWith("fields.reward.description: must be plain text");
        }
        assertThat(CallerFields.model(MailTemplate.REWARD_NOTICE, Map.of("reward.description", "Re: dinner at 19:30, Data: n/a")))
                .isNotNull();
    }

    @Test
    void anUndeclaredFieldIsRefusedByNameWithTheFieldsThatExist() {
        assertThatThrownBy(() -> CallerFields.model(MailTemplate.THANK_YOU_PURCHASE,
                Map.of("purchase", Map.of("amount", "1 EUR", "date", "today", "discount", "50%"))))
                .isInstanceOf(InvalidInput.class)
                .hasMessage("fields.purchase.discount: thank-you-purchase has no such field; it takes purchase.description, "
                        + "purchase.amount, purchase.date.");
        assertThatThrownBy(() -> CallerFields.model(MailTemplate.THANK_YOU_ANNIVERSARY, Map.of("years", "2", "customer",
                Map.of("preferredName", "Someone else")))).hasMessageStartingWith("fields.customer.preferredName: ");
    }

    @Test
    void anOverLongFieldIsRefusedWithItsLimit() {
        assertThatThrownBy(() -> CallerFields.model(MailTemplate.PROBLEM_CHECK_IN, Map.of("problem.summary", "x".repeat(201))))
                .isInstanceOf(InvalidInput.class).hasMessage("fields.problem.summary: at most 200 characters, not 201.");
        assertThat(CallerFields.model(MailTemplate.PROBLEM_CHECK_IN, Map.of("problem.summary", "ü".repeat(200)))).isNotNull();
    }

    @Test
    void requiredFieldsMustBeThere() {
        assertThatThrownBy(() -> CallerFields.model(MailTemplate.THANK_YOU_PURCHASE, Map.of("purchase", Map.of("amount", "1 EUR"))))
                .isInstanceOf(InvalidInput.class).hasMessage("fields.purchase.date: required by thank-you-purchase.");
        assertThatThrownBy(() -> CallerFields.model(MailTemplate.THANK_YOU_ANNIVERSARY, null))
                .hasMessage("fields.years: required by thank-you-anniversary.");
        assertThatThrownBy(() -> CallerFields.model(MailTemplate.THANK_YOU_ANNIVERSARY, Map.of("years", " ")))
                .hasMessage("fields.years: must not be blank.");
    }

    @Test
    void textIsPlain() {
        assertThatThrownBy(() -> CallerFields.model(MailTemplate.THANK_YOU_ANNIVERSARY, Map.of("years", "2\u0007")))
                .hasMessage("fields.years: must be plain text; it contains a control character.");
        assertThatThrownBy(() -> CallerFields.model(MailTemplate.THANK_YOU_ANNIVERSARY, Map.of("years", Map.of("n", true))))
                .hasMessage("fields.years.n: must be text.");
    }

    @Test
    void anAddressFieldTakesOneBareAddress() {
        Map<String, Object> introduction = Map.of("otherContact", "Jürgen Müller", "otherCompany", "Nordwind",
                "otherEmail", "jurgen@nordwind.example", "reason", "printing");
        assertThat(CallerFields.model(MailTemplate.INTRODUCTION, Map.of("introduction", introduction))).isEqualTo(new Introduction(
                new IntroducedContact("Jürgen Müller", "Nordwind", "jurgen@nordwind.example", "printing")));
        for (String bad : new String[]{"jurgen@nordwind.example?subject=pay", "Evil <x@evil.example>", "nobody", "a@b.c, d@e.f"}) {
            Map<String, Object> given = new java.util.HashMap<>(introduction);
            given.put("otherEmail", bad);
            assertThatThrownBy(() -> CallerFields.model(MailTemplate.INTRODUCTION, Map.of("introduction", given)))
                    .as(bad).isInstanceOf(InvalidInput.class).hasMessageStartingWith("fields.introduction.otherEmail: ");
        }
    }

    @Test
    void onlyComposableTemplatesAreAccepted() {
        ComposeService compose = new ComposeService();

        assertThat(compose.composable("reward-notice")).isEqualTo(MailTemplate.REWARD_NOTICE);
        assertThatThrownBy(() -> compose.composable("daily-call-list")).isInstanceOf(InvalidInput.class)
                .hasMessageStartingWith("template: daily-call-list is sent by Rapport itself; a caller may compose [thank-you-purchase,");
        assertThatThrownBy(() -> compose.composable("introduction-consent")).hasMessageStartingWith("template: introduction-consent is sent");
        assertThatThrownBy(() -> compose.composable("birthday")).hasMessageStartingWith("template: 'birthday' is none of [");
    }
}
