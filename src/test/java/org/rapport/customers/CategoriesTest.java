package org.rapport.customers;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CategoriesTest {

    @Test
    void codesAreStoredSortedOnceEach() {
        assertThat(Categories.join(List.of("printing", "legal", "printing"))).isEqualTo("legal;printing");
    }

    @Test
    void storedCodesReadBackAsAList() {
        assertThat(Categories.split("legal;printing")).containsExactly("legal", "printing");
        assertThat(Categories.split("")).isEmpty();
        assertThat(Categories.split(null)).isEmpty();
    }

    @Test
    void aMergedCodeIsReplacedOnceAndTheListStaysSorted() {
        assertThat(Categories.replace("freight;legal;printing", "freight", "logistics")).isEqualTo("legal;logistics;printing");
        assertThat(Categories.replace("freight;logistics", "freight", "logistics")).isEqualTo("logistics");
        assertThat(Categories.replace("legal", "freight", "logistics")).isEqualTo("legal");
        assertThat(Categories.replace("", "freight", "logistics")).isEmpty();
    }
}
