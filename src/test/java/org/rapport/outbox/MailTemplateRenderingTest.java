package org.rapport.outbox;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rapport.mail.RenderedMail;
import org.rapport.mail.TemplateRenderer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** The real templates in mail-templates/, rendered with their sample models as a customer or salesperson would see them. */
class MailTemplateRenderingTest {

    static final TemplateRenderer PACKAGED = new TemplateRenderer(Optional.empty());

    static Map<String, Object> model(MailTemplate template, String preferredName, String company) {
        Map<String, Object> customer = new HashMap<>(Map.of("preferredName", preferredName, "company", company));
        Map<String, Object> salesperson = Map.of("name", "Anna Seller", "email", "anna@rapport.example");
        return SampleModels.preview(template, customer, salesperson, "Rapport Demo GmbH", "https://rapport.example");
    }

    static RenderedMail render(MailTemplate template, Locale locale, Map<String, Object> model) {
        return PACKAGED.render(template.folder(), locale, model);
    }

    /** Each message's subject in English and German for the sample model, and a German line of its body. */
    static Stream<Arguments> subjects() {
        return Stream.of(
                arguments(MailTemplate.THANK_YOU_PURCHASE, "Thank you for your order, Alfred",
                        "Vielen Dank für Ihren Auftrag, Alfred", "vielen Dank für Ihren Auftrag vom 2026-11-20."),
                arguments(MailTemplate.THANK_YOU_ANNIVERSARY, "5 years together – thank you, Alfred",
                        "5 Jahre Zusammenarbeit – danke, Alfred", "heute vor 5 Jahren hat unsere Zusammenarbeit begonnen."),
                arguments(MailTemplate.THANK_YOU_INTRODUCTION, "A quick thank-you, Alfred",
                        "Danke für Ihre Offenheit, Alfred", "vielen Dank, dass Sie offen für den Kontakt zu"),
                arguments(MailTemplate.PROBLEM_FOLLOW_UP, "Is everything working again, Alfred?",
                        "Läuft wieder alles rund, Alfred?", "es tut mir leid, dass es zuletzt Ärger gab:"),
                arguments(MailTemplate.PROBLEM_CHECK_IN, "A week later – is all well, Alfred?",
                        "Eine Woche später – ist alles in Ordnung?", "vor etwa einer Woche haben wir Ihr Anliegen"),
                arguments(MailTemplate.COURTESY_CHECK_IN, "How are things, Alfred?",
                        "Wie läuft es bei Ihnen, Alfred?", "wir haben schon eine Weile nicht mehr miteinander gesprochen"),
                arguments(MailTemplate.INTRODUCTION_CONSENT, "May I introduce you to someone, Alfred?",
                        "Darf ich Ihnen jemanden vorstellen?", "hin und wieder sehe ich unter unseren Kunden"),
                arguments(MailTemplate.INTRODUCTION, "Introduction: meet Jürgen Müller",
                        "Darf ich vorstellen: Jürgen Müller", "wie versprochen möchte ich Sie mit Jürgen Müller von"),
                arguments(MailTemplate.INTRODUCTION_FOLLOW_UP, "Did you meet Jürgen Müller, Alfred?",
                        "Haben Sie Jürgen Müller getroffen?", "vor ein paar Wochen habe ich Sie mit Jürgen Müller von"),
                arguments(MailTemplate.REWARD_NOTICE, "A small thank-you for you, Alfred",
                        "Ein kleines Dankeschön für Sie, Alfred", "wir haben ein Dankeschön für Sie: A dinner for two."),
                arguments(MailTemplate.POLL, "A quick question for you, Alfred",
                        "Eine kurze Frage an Sie, Alfred", "wir möchten gern erfahren, wie wir Alpha GmbH noch besser"),
                arguments(MailTemplate.REQUEST_REPLY, "Your request: A copy of our service contract",
                        "Ihre Anfrage: A copy of our service contract", "Sie haben uns gefragt:"),
                arguments(MailTemplate.DAILY_CALL_LIST, "Your call list for Tuesday, 24 November 2026: 1 call",
                        "Ihre Anrufliste für Tuesday, 24 November 2026: 1 Anruf", "Guten Morgen Anna Seller,"),
                arguments(MailTemplate.WEEKLY_NETWEAVING_REPORT, "Netweaving report for 16–22 Nov 2026",
                        "Netweaving-Bericht für 16–22 Nov 2026", "hier ist der Netweaving-Überblick für 16–22 Nov 2026."),
                arguments(MailTemplate.MANAGER_ALERT, "Alpha GmbH: not reached after 3 tries",
                        "Alpha GmbH: nach 3 Versuchen nicht erreicht", "Hallo Anna Seller,"));
    }

    @Test
    void theSubjectTableCoversEveryTemplate() {
        assertThat(subjects().map(a -> a.get()[0])).containsExactlyInAnyOrder((Object[]) MailTemplate.values());
    }

    @ParameterizedTest
    @MethodSource("subjects")
    void everyMessageRendersInEnglishAndInGerman(MailTemplate template, String english, String german, String germanLine) {
        RenderedMail en = render(template, Locale.ENGLISH, model(template, "Alfred", "Alpha GmbH"));
        RenderedMail de = render(template, Locale.GERMAN, model(template, "Alfred", "Alpha GmbH"));

        assertThat(en.subject()).isEqualTo(english);
        assertThat(de.subject()).isEqualTo(german);
        assertThat(de.text()).contains(germanLine);
        assertThat(de.html()).contains("lang=\"de\"");
        boolean outreach = template.purpose().toCustomer();
        assertThat(de.html()).contains(outreach ? "Herzliche Grüße" : "Gesendet von Rapport für Rapport Demo GmbH");
        assertThat(en.html()).contains(outreach ? "Warm regards," : "Sent by Rapport for Rapport Demo GmbH");
        for (RenderedMail mail : List.of(en, de)) {
            assertThat(mail.html()).contains("<html").contains("Anna Seller");
            assertThat(mail.text()).contains("Anna Seller").doesNotContain("<html");
        }
    }

    /** The check-in names the span the rule check_in_after_days made, not always "a week". */
    @Test
    void theCheckInSaysHowLongAgoTheProblemWasResolved() {
        Map<String, Object> tenDays = new HashMap<>(model(MailTemplate.PROBLEM_CHECK_IN, "Alfred", "Alpha GmbH"));
        tenDays.put("days", "10");
        RenderedMail en = render(MailTemplate.PROBLEM_CHECK_IN, Locale.ENGLISH, tenDays);
        RenderedMail de = render(MailTemplate.PROBLEM_CHECK_IN, Locale.GERMAN, tenDays);
        assertThat(en.subject()).isEqualTo("10 days later – is all well, Alfred?");
        assertThat(en.text()).contains("About 10 days ago we resolved your issue").doesNotContainIgnoringCase("week");
        assertThat(en.html()).contains("About 10 days ago we resolved your issue").doesNotContainIgnoringCase("week");
        assertThat(de.subject()).isEqualTo("10 Tage später – ist alles in Ordnung?");
        assertThat(de.text()).contains("vor etwa 10 Tagen haben wir Ihr Anliegen").doesNotContain("Woche");
        assertThat(de.html()).contains("vor etwa 10 Tagen haben wir Ihr Anliegen").doesNotContain("Woche");

        tenDays.put("days", "14");
        assertThat(render(MailTemplate.PROBLEM_CHECK_IN, Locale.ENGLISH, tenDays).text()).contains("About two weeks ago");
        assertThat(render(MailTemplate.PROBLEM_CHECK_IN, Locale.GERMAN, tenDays).subject()).startsWith("Zwei Wochen später");

        tenDays.remove("days"); // composed through the API: no span known, none claimed
        RenderedMail composed = render(MailTemplate.PROBLEM_CHECK_IN, Locale.ENGLISH, tenDays);
        assertThat(composed.subject()).isEqualTo("After your recent issue – is all well, Alfred?");
        assertThat(composed.text()).contains("Recently we resolved your issue").doesNotContain("ago");
        assertThat(render(MailTemplate.PROBLEM_CHECK_IN, Locale.GERMAN, tenDays).text()).contains("kürzlich haben wir Ihr Anliegen");
    }

    /** A rule's reward says why in the customer's language (from its cause and detail); a person's reason stays as typed. */
    @Test
    void aRuleRewardsReasonIsWordedInTheCustomersLanguage() {
        Map<String, Object> model = new HashMap<>(model(MailTemplate.REWARD_NOTICE, "Alfred", "Alpha GmbH"));
        Map<String, String> because = Map.of(
                "ANNIVERSARY", "Ihre 5 Jahre Treue als unser Kunde",
                "TOP_TIER", "Ihren Platz unter unseren zehn wichtigsten Kunden",
                "INTRODUCTION_CONVERTED", "die Vorstellung bei Müller &amp; Söhne, aus der ein Geschäft wurde",
                "REFERRAL_CONVERTED", "Ihre Empfehlung von Jane Roe");
        Map<String, String> details = Map.of("ANNIVERSARY", "5", "INTRODUCTION_CONVERTED", "Müller & Söhne",
                "REFERRAL_CONVERTED", "Jane Roe");
        because.forEach((cause, german) -> {
            Map<String, Object> reward = new HashMap<>(Map.of("description", "Ein Präsentkorb", "reason", "the English reason",
                    "cause", cause));
            if (details.containsKey(cause)) {
                reward.put("detail", details.get(cause));
            }
            model.put("reward", reward);
            RenderedMail de = render(MailTemplate.REWARD_NOTICE, Locale.GERMAN, model);
            assertThat(de.text()).as(cause).contains("bedanken für\n" + german.replace("&amp;", "&") + ".")
                    .doesNotContain("English");
            assertThat(de.html()).as(cause).contains("bedanken für " + german + ".").doesNotContain("English");
        });
        model.put("reward", Map.of("description", "A hamper", "reason", "5 years as our customer", "cause", "ANNIVERSARY",
                "detail", "5"));
        assertThat(render(MailTemplate.REWARD_NOTICE, Locale.ENGLISH, model).text()).contains("thanks for\n5 years as our customer.");
        model.put("reward", Map.of("description", "Ein Präsentkorb", "reason", "Ihre Hilfe beim Umzug"));
        assertThat(render(MailTemplate.REWARD_NOTICE, Locale.GERMAN, model).text()).as("a person's reason, as typed")
                .contains("bedanken für\nIhre Hilfe beim Umzug.");
    }

    @Test
    void customerMessagesOfferUnsubscribingAndSalespersonMessagesDoNot() {
        assertThat(render(MailTemplate.THANK_YOU_PURCHASE, Locale.ENGLISH, model(MailTemplate.THANK_YOU_PURCHASE, "Alfred", "Alpha"))
                .html()).contains("https://rapport.example/u/preview");
        RenderedMail digest = render(MailTemplate.DAILY_CALL_LIST, Locale.ENGLISH, model(MailTemplate.DAILY_CALL_LIST, "Alfred", "Alpha"));
        assertThat(digest.html()).doesNotContain("/u/").doesNotContain("unsubscribe")
                .contains("https://rapport.example/api/call-lists/S0001/2026-11-24.csv");
    }

    /** No web pages exist yet: the digest links to the list as the API serves it and says how outcomes are recorded. */
    @Test
    void theDigestLinksToTheFormsTheApiServesAndPromisesNoPage() {
        Map<String, Object> model = model(MailTemplate.DAILY_CALL_LIST, "Alfred", "Alpha GmbH");
        for (Locale locale : List.of(Locale.ENGLISH, Locale.GERMAN)) {
            RenderedMail digest = render(MailTemplate.DAILY_CALL_LIST, locale, model);
            for (String body : List.of(digest.text(), digest.html())) {
                assertThat(body).as(locale + " " + body)
                        .contains("https://rapport.example/api/call-lists/S0001/2026-11-24.csv")
                        .contains("https://rapport.example/api/call-lists/S0001/2026-11-24.ics")
                        .contains("https://rapport.example/api/call-lists/S0001/2026-11-24")
                        .contains("POST https://rapport.example/api/call-lists/items/")
                        .contains("4711")
                        .doesNotContainIgnoringCase("one click").doesNotContainIgnoringCase("web page")
                        .doesNotContain("Klick").doesNotContain("Webseite");
            }
        }
        assertThat(render(MailTemplate.DAILY_CALL_LIST, Locale.ENGLISH, model).text())
                .contains("Top-10 customer, last spoken 19 days ago").contains("item 4711")
                .contains("POST https://rapport.example/api/call-lists/items/<item>/outcome");
    }

    @Test
    void aLocaleWithoutItsOwnTextFallsBackToEnglish() {
        Map<String, Object> model = model(MailTemplate.REWARD_NOTICE, "Zoë", "Faure SAS");
        RenderedMail french = render(MailTemplate.REWARD_NOTICE, Locale.FRENCH, model);
        RenderedMail english = render(MailTemplate.REWARD_NOTICE, Locale.ENGLISH, model);

        assertThat(french).isEqualTo(english);
    }

    @Test
    void markupInCustomerDataIsEscapedInHtml() {
        RenderedMail mail = render(MailTemplate.THANK_YOU_PURCHASE, Locale.ENGLISH,
                model(MailTemplate.THANK_YOU_PURCHASE, "<script>alert(1)</script>", "Evil & Co"));

        assertThat(mail.html()).doesNotContain("<script>").contains("&lt;script&gt;").contains("Evil &amp; Co");
    }

    @Test
    void lineBreaksInDataNeverReachTheSubject() {
        RenderedMail mail = render(MailTemplate.THANK_YOU_ANNIVERSARY, Locale.ENGLISH,
                model(MailTemplate.THANK_YOU_ANNIVERSARY, "Al\r\nBcc: victim@example.com", "Alpha\nGmbH"));

        assertThat(mail.subject()).isEqualTo("5 years together – thank you, Al Bcc: victim@example.com");
    }

    @Test
    void aFolderOnDiskOverridesThePackagedCopyFileByFile() throws Exception {
        Path folder = Files.createTempDirectory("templates");
        Files.createDirectories(folder.resolve("thank-you-purchase"));
        Files.writeString(folder.resolve("thank-you-purchase/subject.ftl"), "Merci, ${customer.preferredName}!");
        Map<String, Object> model = model(MailTemplate.THANK_YOU_PURCHASE, "Alfred", "Alpha");

        RenderedMail mail = new TemplateRenderer(Optional.of(folder)).render("thank-you-purchase", Locale.ENGLISH, model);

        assertThat(mail.subject()).isEqualTo("Merci, Alfred!");
        assertThat(mail.html()).isEqualTo(render(MailTemplate.THANK_YOU_PURCHASE, Locale.ENGLISH, model).html());
    }

    @Test
    void aMissingTemplateFolderIsNamedInTheError() {
        assertThatThrownBy(() -> PACKAGED.render("birthday", Locale.ENGLISH, Map.of()))
                .hasMessage("The template birthday/subject.ftl is missing");
    }

    /** The first customer is asked before the other consented: what the other offers only, never what it looks for. */
    @Test
    void theFirstRequestAndItsReminderNameOnlyWhatTheOtherOffers() {
        Map<String, Object> model = model(MailTemplate.INTRODUCTION_CONSENT, "Alfred", "Alpha GmbH");
        for (String reminder : List.of("", "true")) {
            model.put("introduction", Map.of("id", "7", "side", "FIRST", "otherCompany", "Nordwind Logistik GmbH",
                    "youNeed", "logistics", "youOffer", "", "reminder", reminder));
            RenderedMail english = render(MailTemplate.INTRODUCTION_CONSENT, Locale.ENGLISH, model);
            assertThat(english.text()).contains("Right now I am thinking of Nordwind Logistik GmbH:",
                    "they offer logistics, which you are looking for.").doesNotContain("they are looking for", "which you offer");
            RenderedMail german = render(MailTemplate.INTRODUCTION_CONSENT, Locale.GERMAN, model);
            assertThat(german.text()).contains("Nordwind Logistik GmbH: Das Unternehmen bietet logistics,", "wonach Sie suchen.")
                    .doesNotContain("sucht", "was Sie anbieten");
            assertThat(english.html()).contains("they offer logistics").doesNotContain("they are looking for", "which you offer");
            assertThat(german.html()).contains("bietet logistics").doesNotContain("sucht", "was Sie anbieten");
            if (reminder.isEmpty()) {
                assertThat(english.subject()).isEqualTo("May I introduce you to someone, Alfred?");
                assertThat(german.subject()).isEqualTo("Darf ich Ihnen jemanden vorstellen?");
            } else {
                assertThat(english.subject()).isEqualTo("Reminder: May I introduce you to someone, Alfred?");
                assertThat(english.text()).contains("A short reminder of my question");
                assertThat(german.subject()).isEqualTo("Erinnerung: Darf ich Ihnen jemanden vorstellen?");
                assertThat(german.text()).contains("eine kurze Erinnerung");
            }
        }
    }

    /** The second customer is asked after the first consented: what each could do for the other. */
    @Test
    void theSecondRequestNamesWhatEachCouldDoForTheOther() {
        Map<String, Object> model = model(MailTemplate.INTRODUCTION_CONSENT, "Alfred", "Alpha GmbH");
        model.put("introduction", Map.of("id", "7", "side", "SECOND", "otherCompany", "Nordwind Logistik GmbH",
                "youNeed", "logistics", "youOffer", "printing", "reminder", ""));
        assertThat(render(MailTemplate.INTRODUCTION_CONSENT, Locale.ENGLISH, model).text()).contains(
                "Right now I am thinking of Nordwind Logistik GmbH:", "they offer logistics, which you are looking for, and",
                "they are looking for printing, which you offer.");
        assertThat(render(MailTemplate.INTRODUCTION_CONSENT, Locale.GERMAN, model).text()).contains(
                "Das Unternehmen bietet logistics,", "wonach Sie suchen, und es sucht printing,", "was Sie anbieten.");
    }
}
