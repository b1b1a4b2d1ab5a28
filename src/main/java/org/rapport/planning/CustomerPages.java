package org.rapport.planning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.scripting.defaults.DefaultParameterHandler;
import org.apache.ibatis.session.SqlSessionFactory;
import org.rapport.customers.ConsentColumns;
import org.rapport.platform.database.JdbcColumns;
import org.rapport.planning.PlanningMapper.FactRow;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads pages of {@link PlanningMapper#customers} with plain JDBC: the statement's SQL as the mapper XML has it, its
 * parameters set by MyBatis, the rows read by index. MyBatis's mapping of a row by reflection was most of the nightly
 * plan's CPU at a million customers. Inside a transaction the container hands out the transaction's connection, so a
 * page reads what its own writes see; outside one (a page read ahead), a connection of its own.
 */
@ApplicationScoped
class CustomerPages {

    /** The labels of the statement's columns before and after {@code consentColumns}, in its order. */
    private static final List<String> BEFORE = List.of("customer_id", "tier", "time_zone", "region", "owner_id",
            "owner_working_days", "owner_region");
    private static final List<String> AFTER = List.of("last_two_way_touch_at", "customer_since_day");
    private static final int CONSENT = BEFORE.size() + 1;
    private static final int LAST_TWO_WAY = CONSENT + ConsentColumns.LABELS.size();

    @Inject
    SqlSessionFactory factory;

    /** As {@link PlanningMapper#customers}: the next page of customers (all, or those in {@code ids}) after {@code afterId}. */
    List<FactRow> customers(long afterId, int limit, Collection<Long> ids) {
        MappedStatement statement = factory.getConfiguration().getMappedStatement(PlanningMapper.class.getName() + ".customers");
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("afterId", afterId);
        parameters.put("limit", limit);
        parameters.put("ids", ids);
        BoundSql sql = statement.getBoundSql(parameters);
        // MyBatis's own data source (the container's JTA pool), not one injected here: this bean may first be made on a
        // managed thread reading a page ahead, where Payara injected a @Resource as null (PlanningDowntimeIT)
        DataSource dataSource = factory.getConfiguration().getEnvironment().getDataSource();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql.getSql())) {
            new DefaultParameterHandler(statement, parameters, sql).setParameters(select);
            try (ResultSet rs = select.executeQuery()) {
                JdbcColumns.require(rs, 1, BEFORE);
                JdbcColumns.require(rs, CONSENT, ConsentColumns.LABELS);
                JdbcColumns.require(rs, LAST_TWO_WAY, AFTER);
                List<FactRow> rows = new ArrayList<>(Math.min(limit, 5_000));
                while (rs.next()) {
                    rows.add(row(rs));
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the customers after " + afterId + ": " + e.getMessage(), e);
        }
    }

    private static FactRow row(ResultSet rs) throws SQLException {
        FactRow row = new FactRow();
        row.customerId = rs.getLong(1);
        row.tier = rs.getString(2);
        row.timeZone = rs.getString(3);
        row.region = rs.getString(4);
        row.ownerId = JdbcColumns.longOrNull(rs, 5);
        row.ownerWorkingDays = rs.getString(6);
        row.ownerRegion = rs.getString(7);
        row.read(rs, CONSENT);
        row.lastTwoWayTouchAt = JdbcColumns.instant(rs, LAST_TWO_WAY);
        row.customerSinceDay = JdbcColumns.longOrNull(rs, LAST_TWO_WAY + 1);
        return row;
    }
}
