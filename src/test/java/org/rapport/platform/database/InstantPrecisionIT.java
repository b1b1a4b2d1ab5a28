package org.rapport.platform.database;

import org.apache.ibatis.type.JdbcType;
import org.apache.ibatis.type.TypeHandler;
import org.junit.jupiter.api.Test;
import org.rapport.platform.config.DatabaseUrlConfigSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A moment Rapport writes keeps its milliseconds on the test database, with the connection options the service uses.
 * CI's second pass runs this on Debian's MariaDB 10.11, whose version Connector/J misreads: there, binding a timestamp
 * the default way stored {@code .000}.
 */
class InstantPrecisionIT {

    @SuppressWarnings("unchecked")
    private final TypeHandler<Instant> instants = (TypeHandler<Instant>) MyBatis.configuration().getTypeHandlerRegistry()
            .getTypeHandler(Instant.class);

    @Test
    void aWrittenMomentKeepsItsMilliseconds() throws Exception {
        Instant moment = Instant.parse("2026-12-05T04:10:00.123456789Z");
        try (Connection db = DriverManager.getConnection(DatabaseUrlConfigSource.withDefaults(System.getenv("RAPPORT_DB_URL")),
                System.getenv("RAPPORT_DB_USER"), System.getenv("RAPPORT_DB_PASSWORD"))) {
            try (Statement s = db.createStatement()) {
                s.execute("CREATE TEMPORARY TABLE instant_precision (at DATETIME(3) NOT NULL)");
            }
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO instant_precision (at) VALUES (?)")) {
                instants.setParameter(insert, 1, moment, JdbcType.TIMESTAMP);
                insert.executeUpdate();
            }
            try (PreparedStatement select = db.prepareStatement("SELECT at FROM instant_precision WHERE at >= ?")) {
                instants.setParameter(select, 1, Instant.parse("2026-12-05T04:10:00.123Z"), JdbcType.TIMESTAMP);
                try (ResultSet rows = select.executeQuery()) {
                    assertThat(rows.next()).as("a comparison with a bound moment keeps its milliseconds too").isTrue();
                    assertThat(instants.getResult(rows, "at")).isEqualTo(Instant.parse("2026-12-05T04:10:00.123Z"));
                }
            }
        }
    }
}
