package org.rapport.platform.database;

import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.reflection.ParamNameResolver;
import org.apache.ibatis.session.Configuration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rapport.platform.security.Access;
import org.rapport.platform.security.Role;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The access policy as SQL, read from the statements MyBatis builds (no database needed): every statement that takes
 * the caller's {@link Access} filters through the one fragment, and a login without a salesperson gets nothing.
 */
class ScopedQueriesTest {

    static Configuration configuration;
    static List<Method> scoped;

    @BeforeAll
    static void statements() {
        configuration = MyBatis.configuration();
        scoped = new ArrayList<>();
        for (Class<?> mapper : configuration.getMapperRegistry().getMappers()) {
            for (Method method : mapper.getMethods()) {
                if (Arrays.stream(method.getParameters()).anyMatch(ScopedQueriesTest::isAccess)) {
                    scoped.add(method);
                }
            }
        }
    }

    @Test
    void theReadsOfCustomerDataAreScoped() {
        assertThat(scoped).extracting(m -> m.getDeclaringClass().getSimpleName() + "." + m.getName()).contains(
                "CustomerMapper.search", "CustomerMapper.findDetail", "CustomerMapper.findVisible", "CustomerMapper.reaches",
                "SalespersonMapper.findVisible", "OutboxMapper.search", "OutboxMapper.find", "PlanningMapper.search",
                "ReportMapper.followUps", "ReportMapper.coverage", "ReportMapper.completion");
    }

    @Test
    void aLoginWithoutSalespersonGetsNothingFromAnyScopedStatement() {
        for (Role role : new Role[] {Role.SALES, Role.MANAGER}) {
            for (Method method : scoped) {
                assertThat(sql(method, new Access(role, null))).as(role + " " + method).containsPattern("(WHERE|AND) FALSE").doesNotContain("salesperson reach");
            }
        }
    }

    @Test
    void aSalespersonGetsTheRowsTheyOwn() {
        for (Method method : scoped) {
            assertThat(sql(method, new Access(Role.SALES, 7L))).as(method.toString())
                    .contains("IN (SELECT reach.id FROM salesperson reach WHERE reach.id = ?)")
                    .doesNotContain("reach.manager_id", "FALSE");
        }
    }

    @Test
    void aManagerGetsTheRowsOfTheirTeam() {
        for (Method method : scoped) {
            assertThat(sql(method, new Access(Role.MANAGER, 7L))).as(method.toString())
                    .contains("IN (SELECT reach.id FROM salesperson reach WHERE reach.id = ? OR reach.manager_id = ?)");
        }
    }

    @Test
    void anAdminIsNotFiltered() {
        for (Method method : scoped) {
            assertThat(sql(method, Access.EVERYTHING)).as(method.toString()).doesNotContain("salesperson reach", "FALSE");
        }
    }

    @Test
    void eachStatementNamesTheColumnHoldingTheOwner() {
        assertThat(sql(statement("CustomerMapper", "search"), new Access(Role.SALES, 7L)))
                .contains("c.owner_id IN (SELECT reach.id");
        assertThat(sql(statement("OutboxMapper", "search"), new Access(Role.SALES, 7L)))
                .contains("COALESCE(c.owner_id, o.salesperson_id) IN (SELECT reach.id");
        assertThat(sql(statement("SalespersonMapper", "findVisible"), new Access(Role.SALES, 7L)))
                .contains("s.id IN (SELECT reach.id");
    }

    private static Method statement(String mapper, String name) {
        return scoped.stream().filter(m -> m.getName().equals(name) && m.getDeclaringClass().getSimpleName().equals(mapper))
                .findFirst().orElseThrow();
    }

    @Test
    void aReportOfOneTeamTakesTheTeamAsTheReachOfItsManager() {
        for (String name : List.of("stageGroups", "salespersonCounts", "categoryPairCounts", "stageDurations")) {
            String sql = sql(statement("ReportMapper", name), Access.EVERYTHING, Access.teamOf(7L));
            // the candidates through the team's customers, and each one checked: both by the manager's bound id
            assertThat(sql).as(name).contains("rc.owner_id IN (SELECT reach.id FROM salesperson reach WHERE reach.id = ? OR reach.manager_id = ?)")
                    .contains("tc.owner_id IN (SELECT reach.id FROM salesperson reach WHERE reach.id = ? OR reach.manager_id = ?)");
        }
        assertThat(sql(statement("ReportMapper", "rewardGroups"), Access.EVERYTHING, Access.teamOf(7L))).contains("r.team_id = ?");
    }

    @Test
    void aPollsResultsOfOneTeamCountTheTeamsCustomersWithinTheCallersReach() {
        for (String name : List.of("turnout", "counts", "texts")) {
            String sql = sql(statement("PollResultsMapper", name), new Access(Role.MANAGER, 3L), Access.teamOf(7L));
            // twice on the customer's owner: the caller's reach, then the team's, each by its manager's bound id
            assertThat(sql).as(name).contains("c.owner_id IN (SELECT reach.id FROM salesperson reach WHERE reach.id = ? OR reach.manager_id = ?)")
                    .containsPattern("(?s)reach\\.manager_id = \\?\\).*c\\.owner_id IN \\(SELECT reach\\.id FROM salesperson reach WHERE reach\\.id = \\? OR reach\\.manager_id = \\?\\)");
        }
    }

    /** The SQL MyBatis would send for {@code method} with {@code access} and placeholder values for the rest. */
    static String sql(Method method, Access access) {
        return sql(method, access, null);
    }

    /** The same, with {@code team} for a parameter "team" that is an {@link Access} (a report narrowed to one team). */
    static String sql(Method method, Access access, Access team) {
        Object[] args = Arrays.stream(method.getParameters())
                .map(p -> isAccess(p) ? access : isTeam(p) ? team : placeholder(p.getType())).toArray();
        Object parameter = new ParamNameResolver(configuration, method).getNamedParams(args);
        MappedStatement statement = configuration.getMappedStatement(method.getDeclaringClass().getName() + "." + method.getName());
        return statement.getBoundSql(parameter).getSql().replaceAll("\\s+", " ").replace(" )", ")");
    }

    private static boolean isAccess(Parameter p) {
        return p.getType() == Access.class && p.isAnnotationPresent(Param.class) && p.getAnnotation(Param.class).value().equals("access");
    }

    private static boolean isTeam(Parameter p) {
        return p.getType() == Access.class && p.isAnnotationPresent(Param.class) && p.getAnnotation(Param.class).value().equals("team");
    }

    private static Object placeholder(Class<?> type) {
        if (type == int.class) {
            return 10;
        }
        if (type == long.class) {
            return 10L;
        }
        if (type == LocalDate.class) {
            return LocalDate.of(2026, 1, 1);
        }
        if (type == Instant.class) {
            return Instant.EPOCH;
        }
        if (Collection.class.isAssignableFrom(type)) {
            return List.of(1L);
        }
        if (type.isRecord()) {
            Class<?>[] types = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getType).toArray(Class<?>[]::new);
            try {
                return type.getDeclaredConstructor(types).newInstance(Arrays.stream(types).map(ScopedQueriesTest::placeholder).toArray());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return null;
    }
}
