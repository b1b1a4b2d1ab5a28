package org.rapport.polls;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Keyword clustering of free-text answers, on crafted German and English answers. */
class ThemesTest {

    private static final List<String> GERMAN = List.of(
            "Die Lieferung kam zwei Wochen zu spät.",
            "Lieferungen sind oft unvollständig",
            "Bei der letzten Lieferung fehlte ein Teil",
            "Die Rechnung war falsch.",
            "Rechnungen kommen doppelt, bitte prüfen",
            "Ihr Team ist super freundlich",
            "Alles bestens!");

    @Test
    void germanComplaintsAboutDeliveriesAndInvoicesFormTwoThemesAndTheRestIsOther() {
        Themes.Grouping grouping = Themes.of(GERMAN);

        assertThat(grouping.themes()).extracting(Themes.Theme::label, Themes.Theme::answers)
                .containsExactly(tuple("lieferung", 3), tuple("rechnung", 2));
        assertThat(grouping.themes().get(0).samples()).containsExactly("Die Lieferung kam zwei Wochen zu spät.",
                "Lieferungen sind oft unvollständig", "Bei der letzten Lieferung fehlte ein Teil");
        assertThat(grouping.other()).isEqualTo(2);
        assertThat(grouping.otherSamples()).containsExactly("Ihr Team ist super freundlich", "Alles bestens!");
    }

    @Test
    void englishPluralsMatchTheirSingularAndTheLabelIsTheWordWrittenMostOften() {
        Themes.Grouping grouping = Themes.of(List.of(
                "The delivery was late again",
                "Deliveries arrive damaged",
                "Your delivery driver was rude",
                "Invoices are confusing",
                "The invoice had the wrong address",
                "Great service, thank you!",
                "Great people, great service"));

        assertThat(grouping.themes()).extracting(Themes.Theme::label, Themes.Theme::answers).containsExactly(
                tuple("delivery", 3),
                tuple("great", 2),
                tuple("invoice", 2));
        assertThat(grouping.other()).isZero();
    }

    @Test
    void anAnswerCountsOnceInTheFirstThemeThatTakesIt() {
        Themes.Grouping grouping = Themes.of(List.of(
                "delivery late, invoice wrong",
                "delivery late",
                "delivery damaged",
                "invoice wrong",
                "invoice missing"));

        assertThat(grouping.themes()).extracting(Themes.Theme::label, Themes.Theme::answers).containsExactly(
                tuple("delivery", 3),
                tuple("invoice", 2));
        assertThat(grouping.answers()).isEqualTo(5);
        assertThat(grouping.themes().stream().mapToInt(Themes.Theme::answers).sum() + grouping.other()).isEqualTo(5);
    }

    @Test
    void umlautsAreFoldedForMatchingOnlyAndTheLabelKeepsThem() {
        Themes.Grouping grouping = Themes.of(List.of("Zu hohe Preise für Ersatzteile", "Die Ersatzteilpreise",
                "Grüße an den Außendienst", "Gruesse", "Außendienst kommt selten", "der Aussendienst ist nie da"));

        assertThat(grouping.themes()).extracting(Themes.Theme::label, Themes.Theme::answers)
                .containsExactly(tuple("außendienst", 3));
        assertThat(Themes.key("außendienst")).isEqualTo(Themes.key("aussendienst"));
        assertThat(Themes.key("Grüße".toLowerCase(java.util.Locale.ROOT))).as("a stop word").isNull();
    }

    @Test
    void stopWordsShortWordsAndBlankAnswersMakeNoTheme() {
        Themes.Grouping grouping = Themes.of(java.util.Arrays.asList("It is ok, thanks", "ok, thanks, it is", "  ", null,
                "Das ist so, danke", "so ist das, danke"));

        assertThat(grouping.themes()).isEmpty();
        assertThat(grouping.other()).as("blank answers are no answers").isEqualTo(4);
        assertThat(grouping.answers()).isEqualTo(4);
        assertThat(Themes.words("Straße—Lieferung, 3x über")).containsExactly("straße", "lieferung", "x", "über");
    }

    @Test
    void aPhonesSignatureIsNoTheme() {
        Themes.Grouping grouping = Themes.of(List.of("Alles gut.\n\nGesendet von meinem iPhone", "Zu teuer\nGesendet von meinem iPhone",
                "Great, thanks\nSent from my iPhone", "Slow\nSent from my Android"));

        assertThat(grouping.themes()).isEmpty();
        assertThat(grouping.other()).isEqualTo(4);
    }

    @Test
    void tiesGoToTheLabelAndTheSameAnswersInAnyOrderGiveTheSameThemes() {
        List<String> answers = List.of("zebra stripes", "apple pie", "zebra crossing", "apple juice");
        List<String> reversed = List.of("apple juice", "zebra crossing", "apple pie", "zebra stripes");

        assertThat(Themes.of(answers).themes()).extracting(Themes.Theme::label).containsExactly("apple", "zebra");
        assertThat(Themes.of(reversed).themes()).extracting(Themes.Theme::label, Themes.Theme::answers)
                .containsExactlyElementsOf(Themes.of(answers).themes().stream()
                        .map(t -> tuple(t.label(), t.answers())).toList());
    }

    @Test
    void aThemeShowsAtMostThreeSamplesInTheOrderGiven() {
        Themes.Grouping grouping = Themes.of(List.of("price high", "price too high", "price ok", "price again", "price!"));

        assertThat(grouping.themes()).singleElement().satisfies(t -> {
            assertThat(t.answers()).isEqualTo(5);
            assertThat(t.samples()).containsExactly("price high", "price too high", "price ok");
        });
    }
}
