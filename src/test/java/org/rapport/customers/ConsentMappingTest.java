package org.rapport.customers;

import org.apache.ibatis.mapping.ResultMap;
import org.apache.ibatis.mapping.ResultMapping;
import org.apache.ibatis.session.Configuration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rapport.platform.database.MyBatis;

import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How consent is read has one owner: the {@code consent} result map in {@code CustomerMapper.xml}. Read from the
 * statements MyBatis builds (no database): the features that read consent nest that map, and no other result map
 * carries consent columns of its own.
 */
class ConsentMappingTest {

    static final String CONSENT = "org.rapport.customers.CustomerMapper.consent";

    /** Consent's columns as a row class would name them after mapUnderscoreToCamelCase. */
    static final Set<String> CONSENT_FIELDS = Set.of("doNotContact", "emailOk", "unsubscribedAt", "unsubscribedVia",
            "stoppedPurposes", "purposesStoppedAt", "emailBouncingAt", "introOk");

    static Configuration configuration;

    @BeforeAll
    static void statements() {
        configuration = MyBatis.configuration();
    }

    @Test
    void theCustomerViewThePlannerAndTheDispatcherReadConsentThroughTheOneResultMap() {
        for (String statement : List.of("org.rapport.customers.CustomerMapper.findConsent",
                "org.rapport.planning.PlanningMapper.customers", "org.rapport.outbox.OutboxMapper.load")) {
            assertThat(resultMapsReached(statement)).as(statement).containsKey(CONSENT);
        }
    }

    @Test
    void theConsentResultMapBuildsTheConsentValue() {
        ResultMap consent = configuration.getResultMap(CONSENT);
        assertThat(consent.getType()).isEqualTo(Consent.class);
        assertThat(consent.getConstructorResultMappings()).extracting(ResultMapping::getColumn)
                .allMatch(column -> column.startsWith("consent_"))
                .hasSize(9);
    }

    @Test
    void noOtherResultMapMapsConsentColumnsOfItsOwn() {
        Set<String> statements = new HashSet<>();
        for (String id : configuration.getMappedStatementNames()) {
            if (!id.contains(".") || !statements.add(id)) {
                continue; // a short name stands for a full one
            }
            for (ResultMap map : resultMapsReached(id).values()) {
                if (!map.getId().equals(CONSENT)) {
                    assertThat(fieldNames(map.getType())).as(id + " maps into " + map.getType().getName())
                            .doesNotContainAnyElementsOf(CONSENT_FIELDS);
                }
            }
        }
        assertThat(statements).as("the statements were read").hasSizeGreaterThan(50);
    }

    /** The statement's result maps and those they nest, by id. */
    private static Map<String, ResultMap> resultMapsReached(String statement) {
        Map<String, ResultMap> reached = new HashMap<>();
        configuration.getMappedStatement(statement).getResultMaps().forEach(map -> collect(map, reached));
        return reached;
    }

    private static void collect(ResultMap map, Map<String, ResultMap> reached) {
        if (reached.putIfAbsent(map.getId(), map) != null) {
            return;
        }
        for (ResultMapping mapping : map.getResultMappings()) {
            if (mapping.getNestedResultMapId() != null) {
                collect(configuration.getResultMap(mapping.getNestedResultMapId()), reached);
            }
        }
    }

    private static Set<String> fieldNames(Class<?> type) {
        Set<String> names = new HashSet<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            Stream.of(c.getDeclaredFields()).map(Field::getName).forEach(names::add);
            if (c.isRecord()) {
                Arrays.stream(c.getRecordComponents()).map(r -> r.getName()).forEach(names::add);
            }
        }
        return names;
    }
}
