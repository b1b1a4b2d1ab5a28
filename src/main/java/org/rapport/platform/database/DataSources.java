package org.rapport.platform.database;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;

/**
 * The two container-managed connection pools on the one Rapport database. {@link #MAIN} takes part in JTA
 * transactions; {@link #DIRECT} does not and serves Flyway and Quartz, which commit on their own.
 * <p>
 * {@link #MAIN} reads and locks at READ COMMITTED: a locking read then locks only the rows it returns, not the gaps
 * between index entries, so the outbox's claims ({@code FOR UPDATE SKIP LOCKED}) and deliveries do not block or
 * deadlock with the inserts that enqueue new messages (ADR 0003).
 */
@DataSourceDefinition(
        name = DataSources.MAIN,
        className = "com.mysql.cj.jdbc.MysqlDataSource",
        url = "${MPCONFIG=rapport.db.jdbc-url}",
        user = "${MPCONFIG=rapport.db.user}",
        password = "${MPCONFIG=rapport.db.password}",
        minPoolSize = 2,
        maxPoolSize = 32,
        isolationLevel = Connection.TRANSACTION_READ_COMMITTED,
        properties = {
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=meta-data",
                "fish.payara.fail-all-connections=true"})
@DataSourceDefinition(
        name = DataSources.DIRECT,
        className = "com.mysql.cj.jdbc.MysqlDataSource",
        url = "${MPCONFIG=rapport.db.jdbc-url}",
        user = "${MPCONFIG=rapport.db.user}",
        password = "${MPCONFIG=rapport.db.password}",
        transactional = false,
        minPoolSize = 1,
        maxPoolSize = 12,
        properties = {
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=meta-data",
                "fish.payara.fail-all-connections=true"})
@ApplicationScoped
public class DataSources {
    public static final String MAIN = "java:app/jdbc/rapport";
    public static final String DIRECT = "java:app/jdbc/rapport-direct";
}
