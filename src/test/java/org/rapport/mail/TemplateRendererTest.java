package org.rapport.mail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The real templates in mail-templates/, rendered as a customer or salesperson would receive them. */
class TemplateRendererTest {

    static final TemplateRenderer PACKAGED = new TemplateRenderer(Optional.empty());

    static List<String> names() {
        return TemplateRenderer.NAMES;
    }

    static Map<String, Object> model(String name, String preferredName, String company) {
        Map<String, Object> customer = new HashMap<>(Map.of("preferredName", preferredName, "company", company));
        Map<String, Object> salesperson = Map.of("name", "Anna Seller", "email", "anna@rapport.example");
        return SampleModels.preview(name, customer, salesperson, "Rapport Demo GmbH", "https://rapport.example");
    }

    @ParameterizedTest
    @MethodSource("names")
    void everyMessageRendersInEnglishAndGerman(String name) {
        RenderedMail en = PACKAGED.render(name, Locale.ENGLISH, model(name, "Alfred", "Alpha GmbH"));
        RenderedMail de = PACKAGED.render(name, Locale.GERMAN, model(name, "Alfred", "Alpha GmbH"));

        for (RenderedMail mail : List.of(en, de)) {
            assertThat(mail.subject()).isNotBlank().doesNotContain("\n").hasSizeLessThanOrEqualTo(120);
            assertThat(mail.html()).contains("<html").contains("Anna Seller");
            assertThat(mail.text()).contains("Anna Seller").doesNotContain("<html");
        }
        assertThat(de.text()).isNotEqualTo(en.text());
        assertThat(de.html()).contains("lang=\"de\"");
    }

    // whether a message gets an unsubscribe link at all is the sender's decision, tested where mail is really sent
    // (OutboxIT for a customer's, CallListIT for the salesperson's digest); here: the templates follow the model
    @Test
    void theUnsubscribeFooterIsShownExactlyWhenTheModelHasALink() {
        assertThat(PACKAGED.render("thank-you-purchase", Locale.ENGLISH, model("thank-you-purchase", "Alfred", "Alpha"))
                .html()).contains("https://rapport.example/u/preview");
        Map<String, Object> noUnsubscribe = model("thank-you-purchase", "Alfred", "Alpha");
        @SuppressWarnings("unchecked")
        Map<String, Object> links = (Map<String, Object>) noUnsubscribe.get("links");
        links.remove("unsubscribe");
        RenderedMail without = PACKAGED.render("thank-you-purchase", Locale.ENGLISH, noUnsubscribe);
        assertThat(without.html()).doesNotContain("/u/").doesNotContainIgnoringCase("unsubscribe");
        assertThat(without.text()).doesNotContain("/u/").doesNotContainIgnoringCase("unsubscribe");
    }

    @Test
    void aLocaleWithoutItsOwnTextFallsBackToEnglish() {
        RenderedMail french = PACKAGED.render("reward-notice", Locale.FRENCH, model("reward-notice", "Zoë", "Faure SAS"));
        RenderedMail english = PACKAGED.render("reward-notice", Locale.ENGLISH, model("reward-notice", "Zoë", "Faure SAS"));

        assertThat(french).isEqualTo(english);
    }

    @Test
    void markupInCustomerDataIsEscapedInHtml() {
        RenderedMail mail = PACKAGED.render("thank-you-purchase", Locale.ENGLISH,
                model("thank-you-purchase", "<script>alert(1)</script>", "Evil & Co"));

        assertThat(mail.html()).doesNotContain("<script>").contains("&lt;script&gt;").contains("Evil &amp; Co");
    }

    @Test
    void lineBreaksInDataNeverReachTheSubject() {
        RenderedMail mail = PACKAGED.render("thank-you-anniversary", Locale.ENGLISH,
                model("thank-you-anniversary", "Al\r\nBcc: victim@example.com", "Alpha\nGmbH"));

        assertThat(mail.subject()).doesNotContain("\r").doesNotContain("\n");
    }

    @Test
    void aFolderOnDiskOverridesThePackagedCopyFileByFile() throws Exception {
        Path folder = Files.createTempDirectory("templates");
        Files.createDirectories(folder.resolve("thank-you-purchase"));
        Files.writeString(folder.resolve("thank-you-purchase/subject.ftl"), "Merci, ${customer.preferredName}!");

        RenderedMail mail = new TemplateRenderer(Optional.of(folder)).render("thank-you-purchase", Locale.ENGLISH,
                model("thank-you-purchase", "Alfred", "Alpha"));

        assertThat(mail.subject()).isEqualTo("Merci, Alfred!");
        assertThat(mail.html()).isEqualTo(PACKAGED.render("thank-you-purchase", Locale.ENGLISH,
                model("thank-you-purchase", "Alfred", "Alpha")).html());
    }

    @Test
    void anUnknownMessageIsNamedInTheError() {
        assertThatThrownBy(() -> PACKAGED.render("birthday", Locale.ENGLISH, Map.of()))
                .isInstanceOf(UnknownTemplateException.class).hasMessageContaining("birthday");
    }
}
