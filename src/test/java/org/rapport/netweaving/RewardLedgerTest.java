package org.rapport.netweaving;

import org.junit.jupiter.api.Test;
import org.rapport.testing.MainSources;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reward ledger is append-only: of every statement in every mapper XML (and any SQL written in Java), the only
 * ones that name {@code reward_entry} as their target are plain INSERTs. A correction is a new entry.
 */
class RewardLedgerTest {

    private static final Pattern WRITES_LEDGER = MainSources.changing("reward_entry");

    @Test
    void noStatementChangesOrRemovesALedgerEntry() throws Exception {
        assertThat(MainSources.files("xml")).as("the mapper XMLs were found").anyMatch(p -> p.endsWith("RewardMapper.xml"));
        MainSources.AppendOnly ledger = MainSources.appendOnly("reward_entry");
        assertThat(ledger.offending()).as("statements that change or remove ledger entries").isEmpty();
        assertThat(ledger.inserts()).as("the ledger is written (the check looks at the right statements)").isGreaterThanOrEqualTo(2);
    }

    @Test
    void theCheckCatchesAnUpdateADeleteAndAnOverwritingInsert() {
        assertThat(WRITES_LEDGER.matcher("UPDATE reward_entry SET reason = 'x' WHERE id = 1").find()).isTrue();
        assertThat(WRITES_LEDGER.matcher("update `reward_entry` set at = now()").find()).isTrue();
        assertThat(WRITES_LEDGER.matcher("DELETE FROM reward_entry WHERE reward_id = 3").find()).isTrue();
        assertThat(WRITES_LEDGER.matcher("delete e from reward_entry e join reward r").find()).isTrue();
        assertThat(WRITES_LEDGER.matcher("REPLACE INTO reward_entry (id) VALUES (1)").find()).isTrue();
        assertThat(WRITES_LEDGER.matcher("UPDATE reward SET status = 'APPROVED'").find()).isFalse();
        assertThat(WRITES_LEDGER.matcher("INSERT INTO reward_entry (reward_id) VALUES (1)").find()).isFalse();
    }
}
