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
 * How consent is read has one owner, {@code CustomerMapper.xml}: its {@code consent} result map, or for reads of many
 * rows the same columns flat in {@link ConsentColumns}. Read from the statements MyBatis builds (no database): the
 * features that read consent use one of the two, and no other row class carries consent columns of its own.
 */
class ConsentMappingTest {

    static final String CONSENT = "org.rapport.customers.CustomerMapper.consent";

    /** Consent's columns as a row class would name them after mapUnderscoreToCamelCase. */
    static final Set<String> CONSENT_FIELDS = Set.of("doNotContact", "emailOk", "unsubscribedAt", "unsubscribedVia",
            "stoppedPurposes", "purposesStoppedAt", "emailBouncingAt", "introOk", "consentDoNotContact", "consentEmailOk",
            "consentEmail", "consentUnsubscribedAt", "consentUnsubscribedVia", "consentStoppedPurposes",
            "consentPurposesStoppedAt", "consentEmailBouncingAt", "consentIntroOk");

    static Configuration configuration;

    @BeforeAll
    static void statements() {
        configuration = MyBatis.configuration();
    }

    @Test
    void theCustomerViewAndTheDispatcherNestTheOneResultMapAndThePlannerMapsTheColumnsFlat() {
        for (String statement : List.of("org.rapport.customers.CustomerMapper.findConsent", "org.rapport.outbox.OutboxMapper.load")) {
            assertThat(resultMapsReached(statement)).as(statement).containsKey(CONSENT);
        }
        // a million rows per plan: flat, into ConsentColumns (the nested map cost three quarters of the plan's CPU)
        assertThat(resultMapsReached("org.rapport.planning.PlanningMapper.customers").values())
                .extracting(ResultMap::getType)
                .isNotEmpty()
                .allMatch(ConsentColumns.class::isAssignableFrom);
    }

    @Test
    void callListItemsNestTheOneResultMapForTheContactStateOnTheirCards() {
        for (String statement : List.of("org.rapport.calllists.CallListMapper.openItems",
                "org.rapport.calllists.CallListMapper.escalatedItems", "org.rapport.calllists.CallListMapper.item")) {
            assertThat(resultMapsReached(statement)).as(statement).containsKey(CONSENT);
        }
    }

    @Test
    void theFlatColumnsAreTheColumnsOfTheFragmentAndConvertLikeTheResultMap() {
        Set<String> fields = Stream.of(ConsentColumns.class.getDeclaredFields())
                .filter(f -> !java.lang.reflect.Modifier.isStatic(f.getModifiers())).map(Field::getName)
                .collect(java.util.stream.Collectors.toSet());
        Set<String> columns = configuration.getResultMap(CONSENT).getConstructorResultMappings().stream()
                .map(m -> camelCase(m.getColumn())).collect(java.util.stream.Collectors.toSet());
        assertThat(fields).isEqualTo(columns);

        ConsentColumns row = new ConsentColumns();
        assertThat(row.consent()).isEqualTo(Consent.of(false, false, null, null, null, null, null, null, false));
    }

    @Test
    void thePlainJdbcReaderKnowsTheFragmentsColumnsInTheirOrder() {
        String fragment = configuration.getSqlFragments().get("org.rapport.customers.CustomerMapper.consentColumns").getStringBody();
        List<String> aliases = java.util.regex.Pattern.compile("AS (\\w+)").matcher(fragment).results().map(m -> m.group(1)).toList();
        assertThat(aliases).isEqualTo(ConsentColumns.LABELS);
    }

    private static String camelCase(String column) {
        StringBuilder name = new StringBuilder();
        boolean upper = false;
        for (char ch : column.toCharArray()) {
            if (ch == '_') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(ch) : ch);
                upper = false;
            }
        }
        return name.toString();
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
        for (Class<?> c = type; c != null && c != Object.class && c != ConsentColumns.class; c = c.getSuperclass()) {
            Stream.of(c.getDeclaredFields()).map(Field::getName).forEach(names::add);
            if (c.isRecord()) {
                Arrays.stream(c.getRecordComponents()).map(r -> r.getName()).forEach(names::add);
            }
        }
        return names;
    }
}
