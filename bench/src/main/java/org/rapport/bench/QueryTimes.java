package org.rapport.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

/**
 * Per-query times of what the service sends for some requests, measured without touching the service: MariaDB's
 * general log (a global switch, so it reaches the service's pooled connections at once) captures the statements while
 * the requests run, with their values inlined (Connector/J prepares client-side); then each captured {@code SELECT} is
 * run again from here, alone on the server, and timed from sending it to reading its last row. Statements are grouped
 * by shape (literals replaced by {@code ?}).
 */
final class QueryTimes {

    private static final Pattern STRING = Pattern.compile("'(?:[^'\\\\]|\\\\.|'')*'");
    private static final Pattern NUMBER = Pattern.compile("\\b\\d+(?:\\.\\d+)?\\b");
    private static final Pattern LIST = Pattern.compile("\\(\\s*\\?(?:\\s*,\\s*\\?)+\\s*\\)");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    /** One statement shape: how often the requests sent it and how long one execution takes when run alone. */
    record Shape(String sql, int executions, int timed, double p50Ms, double p90Ms, double maxMs, double totalMs) {
    }

    private QueryTimes() {
    }

    /** Runs {@code requests} with the general log on; returns every statement the other connections sent, in order. */
    static List<String> capture(PhysicalLimit db, Callable<?> requests) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            long me;
            try (ResultSet rs = s.executeQuery("SELECT CONNECTION_ID()")) {
                rs.next();
                me = rs.getLong(1);
            }
            s.execute("SET GLOBAL log_output = 'TABLE'");
            s.execute("TRUNCATE TABLE mysql.general_log");
            s.execute("SET GLOBAL general_log = 1");
            try {
                requests.call();
            } finally {
                s.execute("SET GLOBAL general_log = 0");
            }
            List<String> statements = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT argument FROM mysql.general_log WHERE command_type = 'Query'"
                    + " AND thread_id <> " + me + " ORDER BY event_time")) {
                while (rs.next()) {
                    statements.add(rs.getString(1));
                }
            }
            s.execute("TRUNCATE TABLE mysql.general_log");
            return statements;
        }
    }

    /** Times each captured SELECT once after a first untimed run (buffer pool and query plan warm); largest total first. */
    static List<Shape> time(PhysicalLimit db, List<String> statements) throws SQLException {
        Map<String, List<String>> byShape = new LinkedHashMap<>();
        for (String sql : statements) {
            byShape.computeIfAbsent(shape(sql), k -> new ArrayList<>()).add(sql);
        }
        List<Shape> shapes = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            for (var entry : byShape.entrySet()) {
                List<Double> millis = new ArrayList<>();
                for (String sql : entry.getValue()) {
                    if (readOnly(sql)) {
                        run(s, sql);
                        long started = System.nanoTime();
                        run(s, sql);
                        millis.add((System.nanoTime() - started) / 1e6);
                    }
                }
                millis.sort(null);
                int n = millis.size();
                shapes.add(new Shape(entry.getKey(), entry.getValue().size(), n, n == 0 ? Double.NaN : millis.get(n / 2),
                        n == 0 ? Double.NaN : millis.get(Math.min(n - 1, (int) Math.ceil(n * 0.9) - 1)),
                        n == 0 ? Double.NaN : millis.get(n - 1), millis.stream().mapToDouble(Double::doubleValue).sum()));
            }
        }
        shapes.sort((a, b) -> Double.compare(b.totalMs, a.totalMs));
        return shapes;
    }

    /** The statement with its literals replaced by {@code ?} and IN lists collapsed, on one line. */
    static String shape(String sql) {
        String shape = STRING.matcher(sql).replaceAll("?");
        shape = NUMBER.matcher(shape).replaceAll("?");
        shape = LIST.matcher(shape).replaceAll("(?…)");
        return SPACE.matcher(shape).replaceAll(" ").strip();
    }

    /** Only plain reads are run again: nothing that writes or locks. */
    private static boolean readOnly(String sql) {
        String s = sql.strip().toUpperCase(java.util.Locale.ROOT);
        return (s.startsWith("SELECT") || s.startsWith("WITH")) && !s.contains("FOR UPDATE") && !s.contains("LOCK IN SHARE MODE")
                && !s.contains("GET_LOCK");
    }

    private static void run(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= columns; i++) {
                    rs.getObject(i);
                }
            }
        }
    }
}
