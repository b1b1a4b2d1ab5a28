package org.rapport.planning;

import org.rapport.platform.errors.FieldError;
import org.rapport.platform.pages.Feedback;

import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.math.BigDecimal;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code /admin/rules}' fields: the whole {@link RulesDocument}, each field named by its JSON path
 * ({@code contact_policy.send_window_start}) and held as the text typed, and read back into a document with the API's
 * field names in every complaint about text that is no number, time or date. What the values may be is the API's to
 * say (Bean Validation of the document, then {@link RuleService#replace}), not this form's.
 */
public class RulesForm implements Serializable {

    private static final long serialVersionUID = 1L;

    /** What a field holds, from the type of its {@link RulesDocument} field. */
    public enum Kind { WHOLE, DECIMAL, FRACTION, TIME, FLAG, TEXT }

    /** One field of the form: its JSON path and what it holds; {@code getId} is its component id (getters: EL reads them). */
    public record Entry(String path, Kind kind) implements Serializable {

        public String getId() {
            return componentId(path);
        }

        public String getInputType() {
            return kind == Kind.TIME ? "time" : "text";
        }

        public String getInputMode() {
            return switch (kind) {
                case WHOLE -> "numeric";
                case DECIMAL, FRACTION -> "decimal";
                default -> "text";
            };
        }
    }

    /** Fields that belong together, shown as one fieldset. */
    public record Group(String name, List<Entry> entries) implements Serializable {
    }

    /** Every field of the document but the teams' own budgets (rows of their own), in the order the page shows them. */
    static final List<Group> GROUPS = List.of(
            group("cadence", "cadence_days.TOP10", "cadence_days.TOP100", "cadence_days.STANDARD",
                    "standard_email_when_no_capacity"),
            group("problem_follow_up", "problem_follow_up.call_after_business_days", "problem_follow_up.due_within_business_days",
                    "problem_follow_up.check_in_after_days", "problem_follow_up.resell_after_days"),
            group("thank_you", "thank_you.purchase_threshold", "thank_you.anniversary", "thank_you.after_introduction",
                    "thank_you.min_days_between"),
            group("contact_policy", "contact_policy.send_window_start", "contact_policy.send_window_end",
                    "contact_policy.max_emails_per_7_days", "contact_policy.max_calls_per_3_days"),
            group("capacity", "capacity.default_daily"),
            group("rewards", worths("rewards.introduction_converted", "rewards.anniversary", "rewards.top_tier",
                    "rewards.referral_converted", "rewards.quarterly_budget_per_team")),
            group("introductions", "introductions.open_per_customer", "introductions.per_customer_per_year",
                    "introductions.suggestions_per_customer", "introductions.competitor_overlap",
                    "introductions.recent_pair_window"),
            group("polls", "polls.min_days_between"));

    /** The JSON path of the teams' own budgets; each row's path is this, a dot and the row's manager. */
    static final String TEAM_BUDGETS = "rewards.team_budgets";

    private final Map<String, String> text = new HashMap<>();
    private final Map<String, Boolean> flags = new HashMap<>();
    private final List<Budget> budgets = new ArrayList<>();

    /** One team's own quarterly budget: the manager's external id and the amount. */
    public static class Budget implements Serializable {
        private static final long serialVersionUID = 1L;
        private String manager;
        private String amount;

        public Budget() {
        }

        Budget(String manager, String amount) {
            this.manager = manager;
            this.amount = amount;
        }

        public String getManager() {
            return manager;
        }

        public void setManager(String manager) {
            this.manager = manager;
        }

        public String getAmount() {
            return amount;
        }

        public void setAmount(String amount) {
            this.amount = amount;
        }

        boolean isEmpty() {
            return blank(manager) && blank(amount);
        }
    }

    /** The form showing {@code document}. */
    static RulesForm of(RulesDocument document) {
        RulesForm form = new RulesForm();
        for (Group group : GROUPS) {
            for (Entry entry : group.entries()) {
                Object value = read(document, entry.path());
                if (entry.kind() == Kind.FLAG) {
                    form.flags.put(entry.path(), (Boolean) value);
                } else {
                    form.text.put(entry.path(), value == null ? "" : format(value));
                }
            }
        }
        document.rewards.teamBudgets.forEach((team, amount) -> form.budgets.add(new Budget(team, amount.toPlainString())));
        return form;
    }

    /**
     * The document the fields say, for the API's checks to judge; a field left empty is null (the document's
     * {@code @NotNull} names it). Text that is no value of its field's kind is refused here, each such field named.
     *
     * @throws InvalidRules naming each field whose text cannot be read
     */
    RulesDocument toDocument() {
        RulesDocument document = new RulesDocument();
        List<FieldError> unreadable = new ArrayList<>();
        for (Group group : GROUPS) {
            for (Entry entry : group.entries()) {
                Object value;
                if (entry.kind() == Kind.FLAG) {
                    value = Boolean.TRUE.equals(flags.get(entry.path()));
                } else {
                    String typed = text.get(entry.path());
                    try {
                        value = blank(typed) ? null : parse(entry.kind(), typed.strip());
                    } catch (IllegalArgumentException | DateTimeParseException e) {
                        unreadable.add(new FieldError(entry.path(), "'" + typed + "' " + expected(entry.kind())));
                        value = null;
                    }
                }
                write(document, entry.path(), value);
            }
        }
        document.rewards.teamBudgets = new LinkedHashMap<>();
        for (Budget budget : budgets) {
            if (budget.isEmpty()) {
                continue; // a row added and left empty
            }
            String team = budget.manager == null ? "" : budget.manager.strip();
            String path = TEAM_BUDGETS + "." + team;
            if (document.rewards.teamBudgets.containsKey(team)) {
                unreadable.add(new FieldError(path, "is listed twice; give each team one budget"));
            } else if (blank(budget.amount)) {
                unreadable.add(new FieldError(path, "needs an amount"));
            } else {
                try {
                    document.rewards.teamBudgets.put(team, new BigDecimal(budget.amount.strip()));
                } catch (NumberFormatException e) {
                    unreadable.add(new FieldError(path, "'" + budget.amount + "' " + expected(Kind.DECIMAL)));
                }
            }
        }
        if (!unreadable.isEmpty()) {
            throw new InvalidRules(unreadable);
        }
        return document;
    }

    /**
     * The component id of the field a JSON path ({@code contact_policy.max_emails_per_7_days}) or a Bean Validation
     * property path ({@code contactPolicy.maxEmailsPer7Days}) names: each step in camel case, joined by
     * {@code _} ({@code contactPolicy_maxEmailsPer7Days}).
     */
    static String componentId(String path) {
        return Arrays.stream(path.split("\\.")).map(Feedback::camelCase).collect(Collectors.joining("_"));
    }

    /** Whether a component id is one of the form's fields (teams' budgets aside). */
    static boolean isField(String id) {
        return GROUPS.stream().flatMap(g -> g.entries().stream()).anyMatch(e -> e.getId().equals(id));
    }

    void addBudget() {
        budgets.add(new Budget());
    }

    void removeBudget(int row) {
        if (row >= 0 && row < budgets.size()) {
            budgets.remove(row);
        }
    }

    public Map<String, String> getText() {
        return text;
    }

    public Map<String, Boolean> getFlags() {
        return flags;
    }

    public List<Budget> getBudgets() {
        return budgets;
    }

    // ------------------------------------------------------------------------------------------ fields by JSON path

    private static Group group(String name, String... paths) {
        return new Group(name, Stream.of(paths).map(p -> new Entry(p, kindOf(p))).toList());
    }

    /** The amount and currency of each sum. */
    private static String[] worths(String... paths) {
        return Stream.of(paths).flatMap(p -> Stream.of(p + ".value", p + ".currency")).toArray(String[]::new);
    }

    private static Kind kindOf(String path) {
        Class<?> type = typeOf(path);
        if (type == Integer.class) {
            return Kind.WHOLE;
        } else if (type == BigDecimal.class) {
            return Kind.DECIMAL;
        } else if (type == Double.class) {
            return Kind.FRACTION;
        } else if (type == LocalTime.class) {
            return Kind.TIME;
        } else if (type == Boolean.class) {
            return Kind.FLAG;
        } else if (type == String.class) {
            return Kind.TEXT;
        }
        throw new IllegalStateException(path + " holds a " + type.getName() + ", which the rules form cannot show.");
    }

    /** The type of the value at {@code path} of a document: a field's, or a map's values. */
    static Class<?> typeOf(String path) {
        Class<?> type = RulesDocument.class;
        boolean key = false;
        for (String step : path.split("\\.")) {
            if (key) {
                key = false; // the step names a key of the map: its type is the map's values'
                continue;
            }
            Field field = field(type, step);
            type = field.getType();
            if (Map.class.isAssignableFrom(type)) {
                type = (Class<?>) ((ParameterizedType) field.getGenericType()).getActualTypeArguments()[1];
                key = true;
            }
        }
        return type;
    }

    private static Object read(Object document, String path) {
        Object at = document;
        for (String step : path.split("\\.")) {
            if (at == null) {
                return null;
            }
            at = at instanceof Map<?, ?> map ? map.get(step) : get(field(at.getClass(), step), at);
        }
        return at;
    }

    @SuppressWarnings("unchecked")
    private static void write(Object document, String path, Object value) {
        String[] steps = path.split("\\.");
        Object at = document;
        for (int i = 0; i < steps.length - 1; i++) {
            if (at instanceof Map<?, ?> map) {
                throw new IllegalStateException(path + ": a map within a map");
            }
            Field field = field(at.getClass(), steps[i]);
            Object next = get(field, at);
            if (next == null) {
                try {
                    next = Map.class.isAssignableFrom(field.getType()) ? new LinkedHashMap<String, Object>()
                            : field.getType().getDeclaredConstructor().newInstance();
                    field.set(at, next);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(path, e);
                }
            }
            at = next;
        }
        String last = steps[steps.length - 1];
        if (at instanceof Map<?, ?> map) {
            ((Map<String, Object>) map).put(last, value);
        } else {
            try {
                field(at.getClass(), last).set(at, value);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(path, e);
            }
        }
    }

    private static Field field(Class<?> type, String step) {
        try {
            return type.getField(Feedback.camelCase(step));
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(type.getName() + " has no field for " + step, e);
        }
    }

    private static Object get(Field field, Object of) {
        try {
            return field.get(of);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(field.getName(), e);
        }
    }

    private static Object parse(Kind kind, String text) {
        return switch (kind) {
            case WHOLE -> Integer.valueOf(text);
            case DECIMAL -> new BigDecimal(text);
            case FRACTION -> finite(Double.valueOf(text));
            case TIME -> LocalTime.parse(text);
            default -> text;
        };
    }

    private static Double finite(Double value) {
        if (value.isNaN() || value.isInfinite()) {
            throw new NumberFormatException("not finite");
        }
        return value;
    }

    private static String format(Object value) {
        return value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
    }

    private static String expected(Kind kind) {
        return switch (kind) {
            case WHOLE -> "is not a whole number";
            case DECIMAL -> "is not a decimal number (such as 1250.00)";
            case FRACTION -> "is not a number (such as 0.5)";
            case TIME -> "is not a time (HH:mm)";
            default -> "cannot be read";
        };
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
