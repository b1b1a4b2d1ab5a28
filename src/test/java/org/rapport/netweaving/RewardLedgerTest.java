package org.rapport.netweaving;

import org.junit.jupiter.api.Test;
import org.rapport.testing.MainSources;
import org.w3c.dom.Element;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reward ledger is append-only: of every statement in every mapper XML (and any SQL written in Java), the only
 * ones that name {@code reward_entry} as their target are plain INSERTs. A correction is a new entry. The one exception
 * is the erasure of a customer (GDPR Article 17 outranks the ledger's history): its statements may blank the free text
 * of entries, {@code reason} and {@code description}, and nothing else.
 */
class RewardLedgerTest {

    private static final Pattern WRITES_LEDGER = MainSources.changing("reward_entry");

    /** The erasure's statements (in ErasureMapper.xml), which may set the entries' free text only. */
    private static final Set<String> ERASURE = Set.of("eraseRewardEntries", "scrubPartnerRewardEntries");
    private static final Pattern ERASURE_UPDATE = Pattern.compile("(?is)\\s*UPDATE\\s+reward_entry\\s+SET\\s+(.*?)\\s+WHERE\\s.*");
    private static final Pattern ASSIGNED = Pattern.compile("(?:^|,)\\s*(\\w+)\\s*=");

    @Test
    void noStatementChangesOrRemovesALedgerEntry() throws Exception {
        assertThat(MainSources.files("xml")).as("the mapper XMLs were found").anyMatch(p -> p.endsWith("RewardMapper.xml"));
        MainSources.AppendOnly ledger = MainSources.appendOnly("reward_entry");
        List<String> offending = new ArrayList<>(ledger.offending());
        for (Element statement : erasureStatements()) {
            String name = "ErasureMapper.xml#" + statement.getAttribute("id");
            assertThat(offending).as("the erasure's statement is one the check sees").contains(name + " (update)");
            assertThat(assigned(statement.getTextContent())).as(name).containsExactlyInAnyOrder("reason", "description");
            offending.remove(name + " (update)");
        }
        assertThat(offending).as("statements that change or remove ledger entries").isEmpty();
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

    @Test
    void theErasureMayBlankFreeTextOnly() {
        assertThat(assigned("UPDATE reward_entry SET reason = REPLACE(reason, #{t}, #{m}), description = REPLACE(description, #{t}, #{m}) WHERE reward_id IN (1)"))
                .containsExactlyInAnyOrder("reason", "description");
        assertThat(assigned("UPDATE reward_entry SET reason = CASE WHEN reason IS NULL THEN NULL ELSE #{m} END, status = 'X' WHERE id = 1"))
                .containsExactlyInAnyOrder("reason", "status");
    }

    private static List<Element> erasureStatements() throws Exception {
        Path xml = MainSources.files("xml").stream().filter(p -> p.endsWith("ErasureMapper.xml")).findFirst().orElseThrow();
        List<Element> statements = MainSources.statements(xml).stream().filter(s -> ERASURE.contains(s.getAttribute("id"))).toList();
        assertThat(statements).as("the erasure's statements on the ledger").hasSize(ERASURE.size());
        return statements;
    }

    /** The columns an {@code UPDATE reward_entry SET …} statement assigns (at the top level of its SET clause). */
    static Set<String> assigned(String sql) {
        Matcher update = ERASURE_UPDATE.matcher(sql);
        if (!update.matches()) {
            return Set.of();
        }
        StringBuilder topLevel = new StringBuilder();
        int depth = 0;
        for (char c : update.group(1).toCharArray()) {
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            topLevel.append(depth == 0 && c != ')' ? c : ' ');
        }
        Set<String> columns = new TreeSet<>();
        Matcher column = ASSIGNED.matcher(topLevel.toString().replaceAll("(?is)\\bCASE\\b.*?\\bEND\\b", " "));
        while (column.find()) {
            columns.add(column.group(1).toLowerCase(Locale.ROOT));
        }
        return columns;
    }
}
