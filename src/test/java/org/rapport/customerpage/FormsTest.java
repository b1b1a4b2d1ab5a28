package org.rapport.customerpage;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FormsTest {

    @Test
    void aFormsKeyNamesOneRecordHoweverOftenItIsPosted() {
        String key = Forms.newKey();

        assertThat(Forms.externalIdOf(key)).isEqualTo(Forms.externalIdOf(key)).isEqualTo("rapport-" + key);
        assertThat(Forms.externalIdOf(Forms.newKey())).isNotEqualTo(Forms.externalIdOf(key));
    }

    @Test
    void aKeyThatIsNotOursGetsANewIdEachTime() {
        for (String forged : new String[] {null, "", "C0000001", "rapport-x", "../../etc"}) {
            String id = Forms.externalIdOf(forged);
            assertThat(id).startsWith("rapport-").isNotEqualTo(Forms.externalIdOf(forged)).hasSize("rapport-".length() + 36);
        }
    }
}
