package org.rapport.bench;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * How fast MariaDB alone takes the same customer file, without Rapport: into scratch copies of the customer tables
 * ({@code CREATE TABLE … LIKE customer}: same columns and indexes, no foreign keys), on the same server.
 *
 * <ul>
 *   <li>{@code LOAD DATA LOCAL INFILE} into a staging table plus one {@code INSERT … SELECT} (conversions, owner join,
 *       SHA-256): the server parses the CSV itself. The floor for "get these rows into this table".</li>
 *   <li>A plain JDBC loop: Commons CSV parse, SHA-256 per row, a batch of 1,000 single-row INSERTs per transaction
 *       (Connector/J rewriteBatchedStatements sends them as one multi-row INSERT) — what the import writes, minus
 *       HTTP, validation, the look-up of existing rows and the upsert.</li>
 * </ul>
 */
final class PhysicalLimit {

    private static final String CUSTOMER_COLUMNS = "external_id, company, contact_first_name, contact_last_name, "
            + "preferred_name, email, phone, time_zone, locale, region, industry, offers, needs, owner_id, tier_pin, tier, customer_since, "
            + "annual_revenue, email_ok, intro_ok, do_not_contact, preferences, personal_notes, import_hash, created_at, updated_at";

    record Result(long rows, long nanos) {
        double rowsPerSecond() {
            return rows / (nanos / 1e9);
        }
    }

    private final String url;

    PhysicalLimit(int databasePort) {
        this.url = "jdbc:mysql://127.0.0.1:" + databasePort + "/rapport?sslMode=DISABLED&allowLoadLocalInfile=true"
                + "&characterEncoding=UTF-8&connectionCollation=utf8mb4_unicode_ci&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true"
                + "&rewriteBatchedStatements=true&useServerPrepStmts=false&cachePrepStmts=true";
    }

    Connection connect() throws SQLException {
        // the embedded server runs without grant tables: any password is accepted on 127.0.0.1
        return DriverManager.getConnection(url, "root", "embedded");
    }

    /**
     * Streams every row {@code sql} gives (Connector/J row by row), reading each column and doing nothing with it: the
     * least a reader of those rows costs. Returns the rows.
     */
    long stream(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.setFetchSize(Integer.MIN_VALUE);
            long rows = 0;
            try (ResultSet rs = s.executeQuery(sql)) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int i = 1; i <= columns; i++) {
                        rs.getObject(i);
                    }
                    rows++;
                }
            }
            return rows;
        }
    }

    long count(String table) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The server's statement counter (SHOW GLOBAL STATUS 'Questions'): every statement any client sent. */
    long questions() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW GLOBAL STATUS LIKE 'Questions'")) {
            rs.next();
            return rs.getLong(2);
        }
    }

    /** The server's version and the settings that shape every figure, e.g. "MariaDB 11.4.5, buffer pool 512 MB, …". */
    String describe() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT VERSION(), @@innodb_buffer_pool_size, @@innodb_flush_log_at_trx_commit")) {
            rs.next();
            return String.format("MariaDB %s, innodb_buffer_pool_size %d MB, innodb_flush_log_at_trx_commit=%s", rs.getString(1),
                    rs.getLong(2) >> 20, rs.getString(3));
        }
    }

    private void scratchTables(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS bench_customer");
            s.execute("CREATE TABLE bench_customer LIKE customer");
        }
    }

    void dropScratchTables() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS bench_customer");
        }
    }

    /**
     * LOAD DATA LOCAL INFILE of the customer file into an all-text staging table, then one INSERT … SELECT that converts
     * the values, resolves owners with a join and computes the same kind of SHA-256; both steps are timed.
     */
    Result loadData(Path customersCsv) throws SQLException {
        try (Connection c = connect()) {
            scratchTables(c);
            try (Statement s = c.createStatement()) {
                s.execute("DROP TABLE IF EXISTS bench_customer_stage");
                s.execute("CREATE TABLE bench_customer_stage (external_id VARCHAR(64), company VARCHAR(200),"
                        + " first_name VARCHAR(100), last_name VARCHAR(100), preferred VARCHAR(100), email VARCHAR(254),"
                        + " phone VARCHAR(40), time_zone VARCHAR(64), locale VARCHAR(35), region VARCHAR(16),"
                        + " industry VARCHAR(100), offers VARCHAR(1000), needs VARCHAR(1000), owner VARCHAR(64),"
                        + " tier VARCHAR(10), since VARCHAR(10), revenue VARCHAR(30), email_ok VARCHAR(5), intro_ok VARCHAR(5),"
                        + " dnc VARCHAR(5), prefs TEXT, notes TEXT)"
                        + " ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci");
            }
            long started = System.nanoTime();
            long rows;
            try (Statement s = c.createStatement()) {
                s.executeUpdate("LOAD DATA LOCAL INFILE '" + customersCsv.toAbsolutePath().toString().replace("'", "''") + "'"
                        + " INTO TABLE bench_customer_stage CHARACTER SET utf8mb4"
                        + " FIELDS TERMINATED BY ',' OPTIONALLY ENCLOSED BY '\"' ESCAPED BY ''"
                        + " LINES TERMINATED BY '\\n' IGNORE 1 LINES");
                rows = s.executeUpdate("INSERT INTO bench_customer (" + CUSTOMER_COLUMNS + ")"
                        + " SELECT t.external_id, t.company, NULLIF(t.first_name, ''), NULLIF(t.last_name, ''),"
                        + "  NULLIF(t.preferred, ''), NULLIF(t.email, ''), NULLIF(t.phone, ''), t.time_zone, t.locale,"
                        + "  NULLIF(t.region, ''), NULLIF(t.industry, ''), t.offers, t.needs, s.id, NULLIF(t.tier, ''),"
                        + "  COALESCE(NULLIF(t.tier, ''), 'STANDARD'), NULLIF(t.since, ''), NULLIF(t.revenue, ''),"
                        + "  t.email_ok = 'true', t.intro_ok = 'true', t.dnc = 'true', NULLIF(t.prefs, ''), NULLIF(t.notes, ''),"
                        + "  UNHEX(SHA2(CONCAT_WS(CHAR(31), t.external_id, t.company, t.first_name, t.last_name, t.preferred,"
                        + "   t.email, t.phone, t.time_zone, t.locale, t.region, t.industry, t.offers, t.needs, t.owner, t.tier,"
                        + "   t.since, t.revenue, t.email_ok, t.intro_ok, t.dnc, t.prefs, t.notes), 256)),"
                        + "  UTC_TIMESTAMP(3), UTC_TIMESTAMP(3)"
                        + " FROM bench_customer_stage t LEFT JOIN salesperson s ON s.external_id = t.owner");
            }
            long nanos = System.nanoTime() - started;
            try (Statement s = c.createStatement()) {
                s.execute("DROP TABLE bench_customer_stage");
            }
            return new Result(rows, nanos);
        }
    }

    /** A plain JDBC batch-insert loop over the same file into the scratch table. */
    Result jdbcBatch(Path customersCsv) throws SQLException, IOException {
        try (Connection c = connect()) {
            scratchTables(c);
            Map<String, Long> owners = new HashMap<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT external_id, id FROM salesperson")) {
                while (rs.next()) {
                    owners.put(rs.getString(1), rs.getLong(2));
                }
            }
            c.setAutoCommit(false);
            long started = System.nanoTime();
            long rows = 0;
            long id = 0;
            int inBatch = 0;
            CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
            try (Reader in = Files.newBufferedReader(customersCsv, StandardCharsets.UTF_8);
                 CSVParser parser = CSVParser.builder().setReader(in).setFormat(format).get();
                 PreparedStatement customers = c.prepareStatement("INSERT INTO bench_customer (id, " + CUSTOMER_COLUMNS
                         + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))")) {
                MessageDigest sha256 = sha256();
                for (CSVRecord r : parser) {
                    id++;
                    int p = 1;
                    customers.setLong(p++, id);
                    customers.setString(p++, r.get("external_id"));
                    customers.setString(p++, r.get("company"));
                    customers.setString(p++, blankToNull(r.get("contact_first_name")));
                    customers.setString(p++, blankToNull(r.get("contact_last_name")));
                    customers.setString(p++, blankToNull(r.get("preferred_name")));
                    customers.setString(p++, blankToNull(r.get("email")));
                    customers.setString(p++, blankToNull(r.get("phone")));
                    customers.setString(p++, r.get("time_zone"));
                    customers.setString(p++, r.get("locale"));
                    customers.setString(p++, blankToNull(r.get("region")));
                    customers.setString(p++, blankToNull(r.get("industry")));
                    customers.setString(p++, r.get("offers").strip());
                    customers.setString(p++, r.get("needs").strip());
                    Long owner = owners.get(r.get("owner"));
                    if (owner == null) {
                        customers.setNull(p++, Types.BIGINT);
                    } else {
                        customers.setLong(p++, owner);
                    }
                    String tier = blankToNull(r.get("tier"));
                    customers.setString(p++, tier);
                    customers.setString(p++, tier == null ? "STANDARD" : tier);
                    String since = blankToNull(r.get("customer_since"));
                    customers.setObject(p++, since == null ? null : LocalDate.parse(since));
                    String revenue = blankToNull(r.get("annual_revenue"));
                    customers.setBigDecimal(p++, revenue == null ? null : new BigDecimal(revenue));
                    customers.setBoolean(p++, "true".equals(r.get("email_ok")));
                    customers.setBoolean(p++, "true".equals(r.get("intro_ok")));
                    customers.setBoolean(p++, "true".equals(r.get("do_not_contact")));
                    customers.setString(p++, blankToNull(r.get("preferences")));
                    customers.setString(p++, blankToNull(r.get("personal_notes")));
                    for (String value : r) {
                        sha256.update(value.getBytes(StandardCharsets.UTF_8));
                        sha256.update((byte) 31);
                    }
                    customers.setBytes(p, sha256.digest());
                    customers.addBatch();
                    rows++;
                    if (++inBatch == 1000) {
                        customers.executeBatch();
                        c.commit();
                        inBatch = 0;
                    }
                }
                if (inBatch > 0) {
                    customers.executeBatch();
                    c.commit();
                }
            }
            return new Result(rows, System.nanoTime() - started);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
