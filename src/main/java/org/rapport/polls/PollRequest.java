package org.rapport.polls;

import org.rapport.customers.Tier;
import org.rapport.imports.Row;
import org.rapport.platform.errors.FieldError;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * {@code POST /api/polls}: a poll's definition. The team a manager's poll reaches is the manager's own, never a field
 * of the request (an unknown field such as {@code team_id} fails the read). Checked whole by {@link #problems}.
 */
// A class with fields, not a record: Payara's OpenAPI scanner fails on constraints on record components.
public class PollRequest {

    public static final int MAX_QUESTIONS = 3;
    public static final int MIN_CHOICES = 2;
    public static final int MAX_CHOICES = 10;
    public static final int MAX_SAMPLE_SIZE = 100_000;
    public static final int MAX_PROBLEM_DAYS = 365;

    /**
     * A label as the results group it: the answers' column compares under utf8mb4_unicode_ci, where case and accents
     * make no difference ("Speed" = "speed", "Müller" = "Muller", "ß" = "ss") but other letters and signs do.
     */
    static String groupedAs(String label) {
        String plain = Normalizer.normalize(label.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replace("ß", "ss");
    }

    public String title;
    public List<Question> questions;
    public String audience;
    public String audienceValue;
    public Integer sampleSize;
    public BigDecimal sampleShare;
    public LocalDate startsOn;
    public LocalDate endsOn;

    public static class Question {
        public String kind;
        public String textEn;
        public String textDe;
        public List<String> choices;
    }

    /**
     * Every field that is wrong, each with why; empty when the request is valid. The team of an audience TEAM is checked
     * by the service (it must exist and be within the caller's reach).
     *
     * @param today the schedule zone's date: a poll may not start before it
     */
    public List<FieldError> problems(LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        text(errors, "title", title, 200, true);
        questions(errors);
        audience(errors);
        if ((sampleSize == null) == (sampleShare == null)) {
            errors.add(new FieldError("sample_size", "give exactly one of sample_size and sample_share"));
        } else if (sampleSize != null && (sampleSize < 1 || sampleSize > MAX_SAMPLE_SIZE)) {
            errors.add(new FieldError("sample_size", "must be between 1 and " + MAX_SAMPLE_SIZE + ", not " + sampleSize));
        } else if (sampleShare != null && (sampleShare.signum() <= 0 || sampleShare.compareTo(BigDecimal.ONE) > 0
                || sampleShare.stripTrailingZeros().scale() > 4)) {
            errors.add(new FieldError("sample_share", "must be a share above 0 and at most 1 with at most 4 decimals, not "
                    + sampleShare.toPlainString()));
        }
        if (startsOn == null) {
            errors.add(new FieldError("starts_on", "a date is needed (YYYY-MM-DD)"));
        } else if (startsOn.isBefore(today)) {
            errors.add(new FieldError("starts_on", startsOn + " is in the past (today is " + today + ")"));
        }
        if (endsOn == null) {
            errors.add(new FieldError("ends_on", "a date is needed (YYYY-MM-DD)"));
        } else if (startsOn != null && endsOn.isBefore(startsOn)) {
            errors.add(new FieldError("ends_on", endsOn + " is before starts_on " + startsOn));
        }
        return errors;
    }

    private void questions(List<FieldError> errors) {
        if (questions == null || questions.isEmpty() || questions.size() > MAX_QUESTIONS) {
            errors.add(new FieldError("questions", "1 to " + MAX_QUESTIONS + " questions, not "
                    + (questions == null ? 0 : questions.size())));
            return;
        }
        for (int i = 0; i < questions.size(); i++) {
            String at = "questions[" + i + "]";
            Question q = questions.get(i);
            if (q == null) {
                errors.add(new FieldError(at, "a question is needed"));
                continue;
            }
            QuestionKind kind = QuestionKind.parse(q.kind).orElse(null);
            if (kind == null) {
                errors.add(new FieldError(at + ".kind", "'" + q.kind + "' is none of SCALE_5, SCALE_10, CHOICE, TEXT"));
            }
            text(errors, at + ".text_en", q.textEn, 500, true);
            text(errors, at + ".text_de", q.textDe, 500, false);
            if (kind == QuestionKind.CHOICE) {
                choices(errors, at + ".choices", q.choices);
            } else if (kind != null && q.choices != null && !q.choices.isEmpty()) {
                errors.add(new FieldError(at + ".choices", "only a CHOICE question has choices"));
            }
        }
    }

    private static void choices(List<FieldError> errors, String at, List<String> choices) {
        if (choices == null || choices.size() < MIN_CHOICES || choices.size() > MAX_CHOICES) {
            errors.add(new FieldError(at, MIN_CHOICES + " to " + MAX_CHOICES + " labels, not " + (choices == null ? 0 : choices.size())));
            return;
        }
        Map<String, String> seen = new HashMap<>(); // each label as the results group it, to the label first given
        for (int j = 0; j < choices.size(); j++) {
            String label = choices.get(j);
            text(errors, at + "[" + j + "]", label, 200, true);
            if (label == null) {
                continue;
            }
            String stripped = label.strip();
            String same = seen.putIfAbsent(groupedAs(stripped), stripped);
            if (same != null) {
                errors.add(new FieldError(at + "[" + j + "]", same.equals(stripped) ? "'" + stripped + "' is given twice"
                        : "'" + stripped + "' is '" + same + "' but for case or accents; the results would count them as one"));
            }
        }
    }

    private void audience(List<FieldError> errors) {
        Audience kind = Audience.parse(audience).orElse(null);
        if (kind == null) {
            errors.add(new FieldError("audience", "'" + audience + "' is none of ALL, TIER, REGION, TEAM, PROBLEM"));
            return;
        }
        String value = audienceValue == null ? null : audienceValue.strip();
        if (!kind.needsValue()) {
            if (value != null && !value.isEmpty()) {
                errors.add(new FieldError("audience_value", "the audience ALL takes no value"));
            }
            return;
        }
        if (value == null || value.isEmpty()) {
            errors.add(new FieldError("audience_value", "the audience " + kind + " needs a value"));
            return;
        }
        switch (kind) {
            case TIER -> {
                try {
                    Tier.valueOf(value.toUpperCase(java.util.Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    errors.add(new FieldError("audience_value", "'" + value + "' is no tier (TOP10, TOP100, STANDARD)"));
                }
            }
            case PROBLEM -> {
                Integer days = value.matches("\\d{1,4}") ? Integer.valueOf(value) : null;
                if (days == null || days < 1 || days > MAX_PROBLEM_DAYS) {
                    errors.add(new FieldError("audience_value", "a number of days from 1 to " + MAX_PROBLEM_DAYS + ", not '" + value + "'"));
                }
            }
            case REGION -> {
                if (Row.regionCode(value).isEmpty()) {
                    errors.add(new FieldError("audience_value", "'" + value
                            + "' is no ISO 3166 country or subdivision code (such as DE, which includes DE-BY, or US-NY)"));
                }
            }
            default -> text(errors, "audience_value", value, 64, true);
        }
    }

    /** The audience's value as stored: a tier or region in upper case, others as given (stripped); null for ALL. */
    String storedAudienceValue() {
        Audience kind = Audience.parse(audience).orElseThrow();
        if (!kind.needsValue()) {
            return null;
        }
        String value = audienceValue.strip();
        return kind == Audience.TIER || kind == Audience.REGION ? value.toUpperCase(java.util.Locale.ROOT) : value;
    }

    private static void text(List<FieldError> errors, String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new FieldError(field, "text is needed"));
            }
        } else if (value.strip().length() > max) {
            errors.add(new FieldError(field, "at most " + max + " characters, not " + value.strip().length()));
        }
    }
}
