package org.rapport.privacy;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows as the export shows them: every column of the section in its order (a NULL column, which MyBatis leaves out of a
 * map, as null), and times stored in UTC as instants.
 */
final class ExportRows {

    private ExportRows() {
    }

    static List<Map<String, Object>> of(ExportSection section, List<Map<String, Object>> rows) {
        return rows.stream().map(row -> of(section, row)).toList();
    }

    static Map<String, Object> of(ExportSection section, Map<String, Object> row) {
        for (String column : row.keySet()) {
            if (!section.columns().contains(column)) {
                throw new IllegalStateException("Section " + section + " has no column " + column + ": " + section.columns());
            }
        }
        Map<String, Object> shown = new LinkedHashMap<>();
        section.columns().forEach(column -> shown.put(column, value(row.get(column))));
        return shown;
    }

    static Object value(Object stored) {
        if (stored instanceof LocalDateTime utc) {
            return utc.toInstant(ZoneOffset.UTC);
        }
        if (stored instanceof Timestamp timestamp) {
            return timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC);
        }
        if (stored instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        return stored;
    }
}
