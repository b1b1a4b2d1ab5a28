package org.rapport.audit;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChangeTest {

    @Test
    void onlyTheFieldsThatChangedAreKept() {
        Change change = Change.between(Change.state("role", "SALES", "salesperson", "S1", "enabled", true),
                Change.state("role", "MANAGER", "salesperson", "S1", "enabled", true));

        assertThat(change.before()).isEqualTo(Map.of("role", "SALES"));
        assertThat(change.after()).isEqualTo(Map.of("role", "MANAGER"));
    }

    @Test
    void aFieldOnOneSideOnlyIsNullOnTheOther() {
        Change change = Change.between(Change.state("a", "1"), Change.state("b", "2"));

        assertThat(change.before()).isEqualTo(Change.state("a", "1", "b", null));
        assertThat(change.after()).isEqualTo(Change.state("a", null, "b", "2"));
    }

    @Test
    void nothingChangedIsAnEmptyChange() {
        Change change = Change.between(Change.state("a", "1", "n", null), Change.state("a", "1", "n", null));

        assertThat(change.before()).isEmpty();
        assertThat(change.after()).isEmpty();
    }

    @Test
    void aStateTakesNullsAndWantsAValueForEachField() {
        assertThat(Change.state("salesperson", null)).containsEntry("salesperson", null);
        assertThatThrownBy(() -> Change.state("role")).isInstanceOf(IllegalArgumentException.class);
    }
}
