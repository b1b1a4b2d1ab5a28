package org.rapport.platform.database;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;

/**
 * Reads columns of a plain JDBC result by index, for the few reads of a million rows where MyBatis's mapping by
 * reflection is most of the cost. The labels are checked once per result against the statement's, so SQL that moves a
 * column fails loudly instead of filling the wrong field.
 */
public final class JdbcColumns {

    private JdbcColumns() {
    }

    /** Fails unless the result's columns from {@code first} on carry these labels, in this order. */
    public static void require(ResultSet rs, int first, List<String> labels) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        for (int i = 0; i < labels.size(); i++) {
            String label = first + i <= meta.getColumnCount() ? meta.getColumnLabel(first + i) : null;
            if (!labels.get(i).equalsIgnoreCase(label)) {
                throw new IllegalStateException("Column " + (first + i) + " is " + label + ", expected " + labels.get(i));
            }
        }
    }

    /**
     * A {@code DATETIME} stored in UTC as the instant it is (what MyBatis reads as an {@link Instant}). Through
     * {@code getTimestamp} with a UTC calendar, which the container's JDBC wrapper passes on directly, where
     * {@code getObject(column, Instant.class)} is looked up by reflection on every call.
     */
    public static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column, utc());
        return t == null ? null : t.toInstant();
    }

    public static Long longOrNull(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    // a Calendar is mutable and the driver may set it: one per thread
    private static final ThreadLocal<Calendar> UTC = ThreadLocal.withInitial(() -> Calendar.getInstance(TimeZone.getTimeZone("UTC")));

    private static Calendar utc() {
        return UTC.get();
    }
}
