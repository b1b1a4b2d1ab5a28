package org.rapport.privacy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everything held about one customer, section by section (every section present, empty or not). */
public record CustomerExport(String externalId, Instant exportedAt, Map<ExportSection, List<Map<String, Object>>> sections) {

    /** As JSON: {@code external_id}, {@code exported_at}, then each section by its key. */
    public Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("external_id", externalId);
        json.put("exported_at", exportedAt);
        sections.forEach((section, rows) -> json.put(section.key(),
                section == ExportSection.CUSTOMER || section == ExportSection.CONSENT
                        ? (rows.isEmpty() ? null : rows.get(0)) : rows));
        return json;
    }
}
