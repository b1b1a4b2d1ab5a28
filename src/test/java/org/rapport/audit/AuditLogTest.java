package org.rapport.audit;

import org.junit.jupiter.api.Test;
import org.rapport.testing.MainSources;
import org.w3c.dom.Element;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit trail is append-only in the application: of every statement in every mapper XML (and any SQL written in
 * Java), the only one that names {@code audit_event} as its target is a plain INSERT, and the audit mapper has no
 * update or delete at all. (The database refuses them too: AuditIT.)
 */
class AuditLogTest {

    private static final Pattern CHANGES_AUDIT = MainSources.changing("audit_event");

    @Test
    void noStatementChangesOrRemovesAnAuditRow() throws Exception {
        MainSources.AppendOnly trail = MainSources.appendOnly("audit_event");
        assertThat(trail.offending()).as("statements that change or remove audit rows").isEmpty();
        assertThat(trail.inserts()).as("the trail is written, once (the check looks at the right statements)").isEqualTo(1);
    }

    @Test
    void theAuditMapperHasNoUpdateOrDelete() throws Exception {
        assertThat(MainSources.statements(MainSources.MAIN.resolve("resources/org/rapport/audit/AuditMapper.xml")))
                .extracting(Element::getTagName).contains("insert", "select").doesNotContain("update", "delete");
    }

    @Test
    void theCheckCatchesAnUpdateADeleteAndAnOverwritingStatement() {
        assertThat(CHANGES_AUDIT.matcher("UPDATE audit_event SET kind = 'LOGIN' WHERE id = 1").find()).isTrue();
        assertThat(CHANGES_AUDIT.matcher("update `audit_event` set actor_name = null").find()).isTrue();
        assertThat(CHANGES_AUDIT.matcher("DELETE FROM audit_event WHERE occurred_at < ?").find()).isTrue();
        assertThat(CHANGES_AUDIT.matcher("delete a from audit_event a join app_user u").find()).isTrue();
        assertThat(CHANGES_AUDIT.matcher("TRUNCATE TABLE audit_event").find()).isTrue();
        assertThat(CHANGES_AUDIT.matcher("DROP TRIGGER audit_event_no_delete").find()).isTrue();
        assertThat(CHANGES_AUDIT.matcher("REPLACE INTO audit_event (id) VALUES (1)").find()).isTrue();
        assertThat(CHANGES_AUDIT.matcher("INSERT INTO audit_event (kind) VALUES ('LOGIN')").find()).isFalse();
        assertThat(CHANGES_AUDIT.matcher("SELECT id FROM audit_event ORDER BY id DESC").find()).isFalse();
    }
}
