package org.rapport.platform.database;

import org.apache.ibatis.type.InstantTypeHandler;
import org.apache.ibatis.type.JdbcType;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Binds an {@link Instant} as the UTC text {@code 2026-12-05 04:10:00.123456}, the literal Connector/J itself writes
 * for a timestamp into its client-side prepared statements. Connector/J drops the fractional seconds of every timestamp
 * it binds when it thinks the server cannot store them, and it reads MariaDB 10.x's handshake version
 * {@code 5.5.5-10.11.x-MariaDB} as 5.5.5: on those servers every moment Rapport wrote lost its milliseconds (MariaDB
 * 11 dropped the prefix). Reading is unchanged ({@link InstantTypeHandler}); the session's time zone is UTC.
 */
public class InstantParameter extends InstantTypeHandler {

    /** Microseconds, MariaDB's finest: a {@code DATETIME(3)} column keeps the first three digits, as before. */
    static final DateTimeFormatter UTC_TEXT = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

    @Override
    public void setNonNullParameter(PreparedStatement ps, int i, Instant parameter, JdbcType jdbcType) throws SQLException {
        ps.setString(i, UTC_TEXT.format(parameter));
    }
}
