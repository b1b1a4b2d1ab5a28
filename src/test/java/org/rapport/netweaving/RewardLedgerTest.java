package org.rapport.netweaving;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reward ledger is append-only: of every statement in every mapper XML (and any SQL written in Java), the only
 * ones that name {@code reward_entry} as their target are plain INSERTs. A correction is a new entry. The one exception
 * is the erasure of a customer (GDPR Article 17 outranks the ledger's history): its statements may blank the free text
 * of entries, {@code reason} and {@code description}, and nothing else.
 */
class RewardLedgerTest {

    private static final Path MAIN = Path.of("src/main");
    private static final Pattern WRITES_LEDGER = Pattern.compile(
            "(UPDATE\\s+(\\w+\\s*,\\s*)*`?reward_entry`?\\b|DELETE\\s+(\\w+\\s+)?FROM\\s+`?reward_entry`?\\b|TRUNCATE\\s+(TABLE\\s+)?`?reward_entry`?\\b"
                    + "|REPLACE\\s+(INTO\\s+)?`?reward_entry`?\\b|ALTER\\s+TABLE\\s+`?reward_entry`?\\b|DROP\\s+TABLE\\s+`?reward_entry`?\\b)",
            Pattern.CASE_INSENSITIVE);

    /** The erasure's statements, which may set the entries' free text only. */
    private static final Set<String> ERASURE = Set.of("ErasureMapper.xml#eraseRewardEntries",
            "ErasureMapper.xml#scrubPartnerRewardEntries");
    private static final Pattern ERASURE_UPDATE = Pattern.compile("(?is)\\s*UPDATE\\s+reward_entry\\s+SET\\s+(.*?)\\s+WHERE\\s.*");
    private static final Pattern ASSIGNED = Pattern.compile("(?:^|,)\\s*(\\w+)\\s*=");

    @Test
    void noStatementChangesOrRemovesALedgerEntry() throws Exception {
        List<String> offending = new ArrayList<>();
        List<Path> mappers = files("xml");
        assertThat(mappers).as("the mapper XMLs were found").anyMatch(p -> p.endsWith("RewardMapper.xml"));
        int ledgerInserts = 0;
        int erasures = 0;
        for (Path xml : mappers) {
            for (Element statement : statements(xml)) {
                String sql = statement.getTextContent();
                String name = xml.getFileName() + "#" + statement.getAttribute("id");
                if (ERASURE.contains(name) && assigned(sql).equals(Set.of("reason", "description"))) {
                    erasures++;
                } else if (WRITES_LEDGER.matcher(sql).find()) {
                    offending.add(name + " (" + statement.getTagName() + ")");
                } else if (sql.toLowerCase(Locale.ROOT).matches("(?s).*insert\\s+(ignore\\s+)?into\\s+reward_entry\\b.*")) {
                    ledgerInserts++;
                    if (!statement.getTagName().equals("insert") || sql.toUpperCase(Locale.ROOT).contains("ON DUPLICATE KEY")) {
                        offending.add(name + " (an insert that may overwrite)");
                    }
                }
            }
        }
        for (Path java : files("java")) {
            if (WRITES_LEDGER.matcher(Files.readString(java)).find()) {
                offending.add(MAIN.relativize(java).toString());
            }
        }
        assertThat(offending).as("statements that change or remove ledger entries").isEmpty();
        assertThat(erasures).as("the erasure's statements were looked at").isEqualTo(ERASURE.size());
        assertThat(ledgerInserts).as("the ledger is written (the check looks at the right statements)").isGreaterThanOrEqualTo(2);
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

    /** The columns an {@code UPDATE reward_entry SET …} statement assigns (at the top level of its SET clause). */
    static Set<String> assigned(String sql) {
        java.util.regex.Matcher update = ERASURE_UPDATE.matcher(sql);
        if (!update.matches()) {
            return Set.of();
        }
        StringBuilder topLevel = new StringBuilder();
        int depth = 0;
        for (char c : update.group(1).toCharArray()) {
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            topLevel.append(depth == 0 && c != ')' ? c : ' ');
        }
        Set<String> columns = new java.util.TreeSet<>();
        java.util.regex.Matcher column = ASSIGNED.matcher(topLevel.toString().replaceAll("(?is)\\bCASE\\b.*?\\bEND\\b", " "));
        while (column.find()) {
            columns.add(column.group(1).toLowerCase(Locale.ROOT));
        }
        return columns;
    }

    @Test
    void theErasureMayBlankFreeTextOnly() {
        assertThat(assigned("UPDATE reward_entry SET reason = REPLACE(reason, #{t}, #{m}), description = REPLACE(description, #{t}, #{m}) WHERE reward_id IN (1)"))
                .containsExactlyInAnyOrder("reason", "description");
        assertThat(assigned("UPDATE reward_entry SET reason = CASE WHEN reason IS NULL THEN NULL ELSE #{m} END, status = 'X' WHERE id = 1"))
                .containsExactlyInAnyOrder("reason", "status");
    }

    private static List<Path> files(String extension) throws IOException {
        try (Stream<Path> walk = Files.walk(MAIN)) {
            return walk.filter(p -> p.toString().endsWith("." + extension)).sorted().toList();
        }
    }

    /** The statements of a MyBatis mapper XML; other XML files have none. */
    private static List<Element> statements(Path xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        DocumentBuilder builder = factory.newDocumentBuilder();
        Element root = builder.parse(xml.toFile()).getDocumentElement();
        List<Element> statements = new ArrayList<>();
        if (!root.getTagName().equals("mapper")) {
            return statements;
        }
        NodeList children = root.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node child = children.item(i);
            if (child instanceof Element e && List.of("select", "insert", "update", "delete", "sql").contains(e.getTagName())) {
                statements.add(e);
            }
        }
        return statements;
    }
}
