package org.rapport.privacy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AnonymisedTest {

    @Test
    void theMarkerIsUniqueByRowAndNamesNoOne() {
        assertThat(Anonymised.marker(42)).isEqualTo("erased-42");
        assertThat(Anonymised.actor(Anonymised.marker(42))).isEqualTo("customer:erased-42");
    }

    @Test
    void identifiersAreLongestFirstSoAFullNameGoesBeforeItsParts() {
        assertThat(Anonymised.identifiers("Alpha GmbH", "Alfred", "Meier", "Alfie", "alfred@alpha.example", "+49 30 1234"))
                .containsExactly("alfred@alpha.example", "Alfred Meier", "+49 30 1234", "Alpha GmbH", "Alfred", "Meier", "Alfie");
    }

    @Test
    void blankShortAndRepeatedTextsAreLeftOut() {
        assertThat(Anonymised.identifiers("Kim AG", "Kim", null, "kim", " ", null))
                .as("'Kim' is too short to look for in other people's text; a preferred name as the company once")
                .containsExactly("Kim AG");
        assertThat(Anonymised.identifiers("Beta KG", "Berta", "Berta", "BERTA", null, null)).containsExactly("Berta Berta", "Beta KG", "Berta");
    }
}
