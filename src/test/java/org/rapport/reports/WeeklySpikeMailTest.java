package org.rapport.reports;

import org.junit.jupiter.api.Test;
import org.rapport.mail.RenderedMail;
import org.rapport.mail.TemplateRenderer;
import org.rapport.outbox.MailTemplate;
import org.rapport.outbox.SampleModels;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The spikes in the manager's weekly email, in English as the rule words them and in German; none, not a word. */
class WeeklySpikeMailTest {

    static final TemplateRenderer PACKAGED = new TemplateRenderer(Optional.empty());

    private static final List<ProblemSpikes.Named> SPIKES = List.of(
            new ProblemSpikes.Named(Spike.of("DELIVERY", 18, new int[] {4, 6, 9, 5, 7, 6}).orElseThrow(), "Delivery"),
            new ProblemSpikes.Named(Spike.of("uncategorised", 13, new int[] {4, 6, 9, 5, 7, 6}).orElseThrow(), null),
            new ProblemSpikes.Named(Spike.of("NEW", 5, new int[] {0, 0, 0, 0, 0, 0}).orElseThrow(), "Billing & <Invoices>"));

    private static Map<String, Object> model(List<ProblemSpikes.Named> spikes) {
        Map<String, Object> model = new HashMap<>(SampleModels.preview(MailTemplate.WEEKLY_NETWEAVING_REPORT,
                Map.of("preferredName", "Alfred", "company", "Alpha GmbH"), Map.of("name", "Wanda Weekly"),
                "Rapport Demo GmbH", "https://rapport.example"));
        // as the outbox stores a model: each record a map of its components
        model.put("spikes", WeeklyNetweavingReport.spikes(spikes).stream().map(s -> Map.of("category", s.category(),
                "recent", s.recent(), "before", s.before(), "fold", s.fold())).toList());
        return model;
    }

    private static RenderedMail render(Locale locale, Map<String, Object> model) {
        return PACKAGED.render(MailTemplate.WEEKLY_NETWEAVING_REPORT.folder(), locale, model);
    }

    @Test
    void eachSpikeIsALineInEnglishAsTheRuleWordsIt() {
        RenderedMail en = render(Locale.ENGLISH, model(SPIKES));
        for (ProblemSpikes.Named spike : SPIKES) {
            assertThat(en.text()).contains("  - " + spike.headline() + "\n");
        }
        assertThat(en.text()).contains("Delivery problems tripled: 18 in 14 days against 4–9 before")
                .contains("Problems without a category doubled: 13 in 14 days against 4–9 before")
                .contains("Billing & <Invoices> problems rose 10-fold: 5 in 14 days against 0 before");
        assertThat(en.html()).contains("<li>Delivery problems tripled: 18 in 14 days against 4–9 before</li>")
                .contains("Billing &amp; &lt;Invoices&gt; problems rose 10-fold").doesNotContain("<Invoices>");
    }

    @Test
    void andInGerman() {
        RenderedMail de = render(Locale.GERMAN, model(SPIKES));
        assertThat(de.text()).contains("  - Probleme „Delivery“ verdreifacht: 18 in 14 Tagen gegenüber 4–9 davor")
                .contains("  - Probleme ohne Kategorie verdoppelt: 13 in 14 Tagen gegenüber 4–9 davor")
                .contains("  - Probleme „Billing & <Invoices>“ auf das 10-Fache gestiegen: 5 in 14 Tagen gegenüber 0 davor");
        assertThat(de.html()).contains("<li>Probleme „Delivery“ verdreifacht: 18 in 14 Tagen gegenüber 4–9 davor</li>");
    }

    @Test
    void noSpikeNoWordAboutSpikesAndAnOlderMessageWithoutTheFieldStillRenders() {
        Map<String, Object> none = model(List.of());
        Map<String, Object> older = model(List.of());
        older.remove("spikes");
        for (Map<String, Object> model : List.of(none, older)) {
            for (Locale locale : List.of(Locale.ENGLISH, Locale.GERMAN)) {
                RenderedMail mail = render(locale, model);
                assertThat(mail.text()).contains("Wanda Weekly").doesNotContain("14 days").doesNotContain("14 Tage");
                assertThat(mail.html()).doesNotContain("<li>");
            }
        }
    }
}
