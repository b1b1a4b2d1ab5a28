package org.rapport.planning;

import org.junit.jupiter.api.Test;
import org.rapport.customers.Tier;
import org.rapport.platform.errors.FieldError;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** {@code /admin/rules}' form: every rule of the document has a field, and the fields give back the document. */
class RulesFormTest {

    private static RulesDocument defaults() {
        return RulesDocument.of(Rules.fromSettings(Map.of()), RewardRules.fromSettings(Map.of(),
                Map.of("S0001", new BigDecimal("250.00"))));
    }

    @Test
    void everyRuleOfTheDocumentHasAFieldOnTheForm() {
        List<String> leaves = new ArrayList<>();
        leaves(RulesDocument.class, "", leaves);
        List<String> onForm = RulesForm.GROUPS.stream().flatMap(g -> g.entries().stream()).map(RulesForm.Entry::path).toList();

        assertThat(onForm).containsExactlyInAnyOrderElementsOf(leaves);
    }

    @Test
    void theFormGivesBackTheDocumentItShows() {
        RulesDocument shown = defaults();

        RulesDocument back = RulesForm.of(shown).toDocument();

        assertThat(back.toRules()).isEqualTo(shown.toRules());
        assertThat(back.toRewardRules()).isEqualTo(shown.toRewardRules());
    }

    @Test
    void aChangedFieldChangesItsRuleAndAnEmptyFieldIsLeftForTheApiToName() {
        RulesForm form = RulesForm.of(defaults());
        form.getText().put("introductions.suggestions_per_customer", " 7 ");
        form.getText().put("contact_policy.send_window_start", "07:30");
        form.getFlags().put("thank_you.anniversary", false);
        form.getText().put("capacity.default_daily", "");

        RulesDocument document = form.toDocument();

        assertThat(document.introductions.suggestionsPerCustomer).isEqualTo(7);
        assertThat(document.contactPolicy.sendWindowStart).hasToString("07:30");
        assertThat(document.thankYou.anniversary).isFalse();
        assertThat(document.capacity.defaultDaily).isNull();
    }

    @Test
    void textThatIsNoValueOfItsKindIsRefusedNamingEachField() {
        RulesForm form = RulesForm.of(defaults());
        form.getText().put("cadence_days.TOP10", "ten");
        form.getText().put("introductions.competitor_overlap", "NaN");
        form.getText().put("contact_policy.send_window_end", "25:00");
        form.getBudgets().add(new RulesForm.Budget("S0001", "5"));

        InvalidRules refused = catchThrowableOfType(InvalidRules.class, form::toDocument);

        assertThat(refused.errors()).containsExactly(
                new FieldError("cadence_days.TOP10", "'ten' is not a whole number"),
                new FieldError("contact_policy.send_window_end", "'25:00' is not a time (HH:mm)"),
                new FieldError("introductions.competitor_overlap", "'NaN' is not a number (such as 0.5)"),
                new FieldError("rewards.team_budgets.S0001", "is listed twice; give each team one budget"));
    }

    @Test
    void aServiceFieldAndABeanValidationPathNameTheSameComponent() {
        assertThat(RulesForm.componentId("contact_policy.max_emails_per_7_days")).isEqualTo("contactPolicy_maxEmailsPer7Days");
        assertThat(RulesForm.componentId("contactPolicy.maxEmailsPer7Days")).isEqualTo("contactPolicy_maxEmailsPer7Days");
        assertThat(RulesForm.componentId("cadence_days.TOP10")).isEqualTo("cadenceDays_TOP10");
        assertThat(RulesForm.isField("rewards_topTier_currency")).isTrue();
        assertThat(RulesForm.isField("rewards_teamBudgets")).isFalse();
    }

    /** The JSON paths of every value of the document but the teams' own budgets, as the API names them. */
    private static void leaves(Class<?> type, String prefix, List<String> into) {
        for (Field field : type.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) || field.getName().equals("teamBudgets")) {
                continue;
            }
            jakarta.json.bind.annotation.JsonbProperty named = field.getAnnotation(jakarta.json.bind.annotation.JsonbProperty.class);
            String path = prefix + (named != null ? named.value() : field.getName().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT));
            if (Map.class.isAssignableFrom(field.getType())) {
                for (Tier tier : Tier.values()) {
                    into.add(path + "." + tier.name());
                }
            } else if (field.getType().getName().startsWith(RulesDocument.class.getName())) {
                leaves(field.getType(), path + ".", into);
            } else {
                into.add(path);
            }
        }
    }
}
