package org.rapport.privacy;

import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class AnonymisedTest {

    @Test
    void theMarkerIsUniqueByRowAndNamesNoOne() {
        assertThat(Anonymised.marker(42)).isEqualTo("erased-42");
        assertThat(Anonymised.actor(Anonymised.marker(42))).isEqualTo("customer:erased-42");
    }

    @Test
    void identifiersAreLongestFirstSoAFullNameGoesBeforeAPreferredNameInIt() {
        assertThat(Anonymised.identifiers("Alpha GmbH", "Alfred", "Meier", "Alfred", "alfred@alpha.example", "+49 30 1234"))
                .containsExactly("alfred@alpha.example", "Alfred Meier", "+49 30 1234", "Alpha GmbH", "Alfred");
    }

    @Test
    void aFirstOrLastNameAloneIsNotLookedFor() {
        assertThat(Anonymised.identifiers("Meier AG", "Mark", "Berg", null, null, null))
                .as("'Mark' and 'Berg' are words of other people's text").containsExactly("Mark Berg", "Meier AG");
    }

    @Test
    void blankShortAndRepeatedTextsAreLeftOut() {
        assertThat(Anonymised.identifiers("Kim AG", "Kim", null, "kim", " ", null))
                .as("'Kim' is too short to look for in other people's text; a preferred name as the company once")
                .containsExactly("Kim AG");
        assertThat(Anonymised.identifiers("Beta KG", "Berta", "Berta", "BERTA", "beta kg", null))
                .containsExactly("Berta Berta", "Beta KG", "BERTA");
    }

    @Test
    void anIdentifierIsFoundAsWholeWordsInAnyCaseOnly() {
        assertThat(erase("Mark", "Marketing Partner GmbH thanks MARK, and mark; Bookmark and Mark_2 stay"))
                .isEqualTo("Marketing Partner GmbH thanks [erased], and [erased]; Bookmark and Mark_2 stay");
        assertThat(erase("Jürgen Groß", "für jürgen groß: Jürgen Großmann")).isEqualTo("für [erased]: Jürgen Großmann");
    }

    @Test
    void signsInAnIdentifierAreThemselvesAndMayStartOrEndIt() {
        assertThat(erase("+49 30 1234", "call +49 30 1234. not +49 30 12345 nor 49 30 1234")).isEqualTo("call [erased]. not +49 30 12345 nor 49 30 1234");
        assertThat(erase("a.b@x.example", "to <A.B@x.example>, not aXb@x.example")).isEqualTo("to <[erased]>, not aXb@x.example");
        assertThat(erase("Smith & Co. (UK)", "Smith & Co. (UK) Ltd")).isEqualTo("[erased] Ltd");
    }

    /** As MariaDB's REGEXP_REPLACE does with the same expression (both read PCRE's syntax for what it uses). */
    private static String erase(String identifier, String text) {
        return Pattern.compile(Anonymised.wholeWords(identifier)).matcher(text).replaceAll(java.util.regex.Matcher.quoteReplacement(Anonymised.MARK));
    }
}
