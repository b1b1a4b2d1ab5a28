package org.rapport.money;

import org.rapport.platform.errors.FieldError;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reading currency codes, dates and rates from text, the same for the API and the CSV import. */
final class Money {

    /** As stored: {@code DECIMAL(22,10)}. */
    static final int RATE_SCALE = 10;
    static final int RATE_INTEGER_DIGITS = 12;
    private static final Pattern DECIMAL = Pattern.compile("^[+-]?\\d+(\\.\\d+)?$|^[+-]?\\.\\d+$");

    private Money() {
    }

    /** The ISO 4217 code (upper case), or the reason it is not one (worded to follow "is"). */
    static Optional<String> currencyCode(String text, StringBuilder reason) {
        String code = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        if (code.length() == 3 && code.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
            try {
                return Optional.of(Currency.getInstance(code).getCurrencyCode());
            } catch (IllegalArgumentException e) {
                // falls through to the reason
            }
        }
        reason.append("not an ISO 4217 currency code (such as EUR, USD)");
        return Optional.empty();
    }

    /** A rate greater than 0 that fits the column, or the reason it is not one (worded to follow "is"). */
    static Optional<BigDecimal> rate(String text, StringBuilder reason) {
        String value = text == null ? "" : text.strip();
        if (!DECIMAL.matcher(value).matches()) {
            reason.append("not a decimal number such as 0.92 (a dot, no exponent, no thousands separators)");
            return Optional.empty();
        }
        BigDecimal rate = new BigDecimal(value);
        if (rate.signum() <= 0) {
            reason.append("not more than 0 (a rate is what one unit of the currency is worth in the company currency)");
            return Optional.empty();
        }
        rate = rate.stripTrailingZeros();
        if (rate.scale() > RATE_SCALE) {
            reason.append("more precise than " + RATE_SCALE + " decimal places");
            return Optional.empty();
        }
        if (rate.precision() - rate.scale() > RATE_INTEGER_DIGITS) {
            reason.append("too large (at most " + RATE_INTEGER_DIGITS + " digits before the decimal point)");
            return Optional.empty();
        }
        return Optional.of(rate.scale() < 0 ? rate.setScale(0) : rate);
    }

    static Optional<String> currency(String text, String field, List<FieldError> errors) {
        return checked(text, field, errors, Money::currencyCode);
    }

    static Optional<BigDecimal> rate(String text, String field, List<FieldError> errors) {
        return checked(text, field, errors, Money::rate);
    }

    /** A value {@code parse} accepts, or a field error saying why not ({@code parse} writes the reason). */
    private static <T> Optional<T> checked(String text, String field, List<FieldError> errors,
                                           java.util.function.BiFunction<String, StringBuilder, Optional<T>> parse) {
        StringBuilder reason = new StringBuilder();
        Optional<T> value = parse.apply(text, reason);
        if (value.isEmpty()) {
            errors.add(new FieldError(field, "'" + text + "' is " + reason));
        }
        return value;
    }

    static Optional<LocalDate> date(String text, String field, List<FieldError> errors) {
        try {
            return Optional.of(LocalDate.parse(text.strip()));
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "'" + text + "' is not a date as YYYY-MM-DD"));
            return Optional.empty();
        }
    }
}
