package org.rapport.platform.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.rapport.platform.database.DataSources;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * UP when the database answers and the schema migrations have been applied. A readiness check only: while the database
 * is away an instance takes no traffic, but it is alive and reconnects by itself when the database is back, so an
 * orchestrator must not restart it (and would restart every instance at once in a database outage).
 */
@Readiness
@ApplicationScoped
public class DatabaseHealthCheck implements HealthCheck {

    @Resource(lookup = DataSources.DIRECT)
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("database");
        try (Connection c = dataSource.getConnection();
             Statement s = c.createStatement()) {
            s.setQueryTimeout(5);
            // the last one applied: MAX(version) compares text, and "9.7" comes after "10.4"
            try (ResultSet rs = s.executeQuery("SELECT version FROM flyway_schema_history WHERE success = 1 AND version IS NOT NULL"
                    + " ORDER BY installed_rank DESC LIMIT 1")) {
                rs.next();
                return response.up().withData("schema_version", String.valueOf(rs.getString(1)))
                        .withData("server", c.getMetaData().getDatabaseProductVersion()).build();
            }
        } catch (Exception e) {
            return response.down().withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
