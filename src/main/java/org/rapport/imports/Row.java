package org.rapport.imports;

import org.apache.commons.csv.CSVRecord;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * One CSV record being read into a typed row. Every accessor validates its column and, when the value is bad, records
 * a {@link Rejection} naming the line, column, value and reason; the row is stored only if none was recorded.
 */
public final class Row {

    /** An email address as Rapport accepts one, from a file or the API. */
    public static final Pattern EMAIL = Pattern.compile("^[^@\\s\"(),:;<>\\[\\]\\\\]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");
    /** A phone number as Rapport accepts one, from a file or the API. */
    public static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ()./-]{3,40}$");
    private static final Pattern REGION = Pattern.compile("^([A-Z]{2})(-[A-Z0-9]{1,3})?$");
    private static final Pattern CODE = Pattern.compile("^[a-z0-9][a-z0-9-]{0,63}$");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final CSVRecord record;
    private final long line;
    private final List<Rejection> rejections = new ArrayList<>();
    private final List<Warning> warnings = new ArrayList<>();
    private final java.util.Set<String> rejectedColumns = new java.util.HashSet<>();

    Row(CSVRecord record, long line) {
        this.record = record;
        this.line = line;
    }

    public long line() {
        return line;
    }

    public boolean valid() {
        return rejections.isEmpty();
    }

    public List<Rejection> rejections() {
        return rejections;
    }

    /** Warnings of a row that is stored all the same. */
    public List<Warning> warnings() {
        return warnings;
    }

    public void warn(String column, String value, String reason) {
        warnings.add(new Warning(line, column, value, reason));
    }

    public void reject(String column, String value, String reason) {
        rejectedColumns.add(column);
        rejections.add(new Rejection(line, column, value, reason));
    }

    /** The trimmed value, or empty when the column is absent or blank. Rejects text that was not valid UTF-8. */
    public Optional<String> value(String column) {
        if (!record.isMapped(column) || !record.isSet(column)) {
            return Optional.empty();
        }
        String value = record.get(column).strip();
        if (value.indexOf('\uFFFD') >= 0) {
            reject(column, value, "not valid UTF-8 (save the file as UTF-8)");
            return Optional.empty();
        }
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    public String text(String column, int maxLength) {
        return value(column).filter(v -> fits(column, v, maxLength)).orElse(null);
    }

    public String required(String column, int maxLength) {
        Optional<String> value = value(column);
        if (value.isEmpty()) {
            missing(column);
            return null;
        }
        return fits(column, value.get(), maxLength) ? value.get() : null;
    }

    /** "required", unless the value was there but unreadable (already rejected for that). */
    private void missing(String column) {
        if (!rejectedColumns.contains(column)) {
            reject(column, "", "required");
        }
    }

    private boolean fits(String column, String value, int maxLength) {
        if (value.codePointCount(0, value.length()) > maxLength) {
            reject(column, value, "longer than " + maxLength + " characters");
            return false;
        }
        return true;
    }

    public String externalId(String column) {
        String id = required(column, 64);
        if (id != null && id.chars().anyMatch(Character::isISOControl)) {
            reject(column, id, "must not contain control characters");
            return null;
        }
        return id;
    }

    public String email(String column) {
        String value = text(column, 254);
        if (value != null && !EMAIL.matcher(value).matches()) {
            reject(column, value, "not an email address");
            return null;
        }
        return value;
    }

    public String phone(String column) {
        String value = text(column, 40);
        if (value != null && !PHONE.matcher(value).matches()) {
            reject(column, value, "not a phone number (digits, spaces, + ( ) . / - only)");
            return null;
        }
        return value;
    }

    /** An IANA region-based zone such as Europe/Berlin or UTC; abbreviations like EST are ambiguous and refused. */
    public ZoneId zone(String column) {
        String value = required(column, 64);
        if (value == null) {
            return null;
        }
        try {
            if (!value.contains("/") && !value.equals("UTC")) {
                throw new DateTimeException("abbreviation");
            }
            return ZoneId.of(value);
        } catch (DateTimeException e) {
            reject(column, value, "unknown time zone (use an IANA name such as Europe/Berlin)");
            return null;
        }
    }

    /** The id of {@link #zone(String)}, as stored. */
    public String zoneId(String column) {
        ZoneId zone = zone(column);
        return zone == null ? null : zone.getId();
    }

    public String locale(String column, String fallback) {
        Optional<String> value = value(column);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            return new Locale.Builder().setLanguageTag(value.get()).build().toLanguageTag();
        } catch (IllformedLocaleException e) {
            reject(column, value.get(), "not a BCP 47 language tag (such as en, de-CH, fr)");
            return null;
        }
    }

    public String region(String column) {
        String value = text(column, 16);
        if (value == null) {
            return null;
        }
        Optional<String> region = regionCode(value);
        if (region.isEmpty()) {
            reject(column, value, "not an ISO 3166 country or subdivision code (such as DE, US-NY)");
            return null;
        }
        return region.get();
    }

    /**
     * {@code value} as a region is stored, in upper case, when it is an ISO 3166 country or subdivision code (such as
     * {@code DE}, {@code US-NY}); empty when it is none. The one rule of what a region is, for an import and a poll's audience.
     */
    public static Optional<String> regionCode(String value) {
        String upper = value.strip().toUpperCase(Locale.ROOT);
        var m = REGION.matcher(upper);
        return m.matches() && COUNTRIES.contains(m.group(1)) ? Optional.of(upper) : Optional.empty();
    }

    /**
     * {@code ;}-separated codes, lowercased, each once. A code {@code known} does not accept rejects the row with
     * {@code unknownReason} of the code as written (the taxonomy names the closest codes).
     */
    public List<String> codes(String column, Predicate<String> known, UnaryOperator<String> unknownReason) {
        Optional<String> value = value(column);
        if (value.isEmpty()) {
            return List.of();
        }
        List<String> codes = new ArrayList<>();
        for (String part : value.get().split(";")) {
            String code = part.strip().toLowerCase(Locale.ROOT);
            if (code.isEmpty()) {
                continue;
            }
            if (!CODE.matcher(code).matches() || !known.test(code)) {
                reject(column, part.strip(), unknownReason.apply(part.strip()));
                return List.of();
            }
            if (!codes.contains(code)) {
                codes.add(code);
            }
        }
        return List.copyOf(codes);
    }

    public LocalDate date(String column) {
        Optional<String> value = value(column);
        if (value.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(value.get());
        } catch (DateTimeParseException e) {
            reject(column, value.get(), "not a date in the form YYYY-MM-DD");
            return null;
        }
    }

    public LocalDate requiredDate(String column) {
        if (value(column).isEmpty()) {
            missing(column);
            return null;
        }
        return date(column);
    }

    /** An ISO 8601 instant with Z or an offset. */
    public Instant instant(String column) {
        Optional<String> value = value(column);
        if (value.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.get()).toInstant();
        } catch (DateTimeParseException e) {
            reject(column, value.get(), "not an ISO 8601 time with Z or an offset (such as 2026-03-01T09:30:00Z)");
            return null;
        }
    }

    public Instant requiredInstant(String column) {
        if (value(column).isEmpty()) {
            missing(column);
            return null;
        }
        return instant(column);
    }

    public BigDecimal money(String column, boolean required) {
        Optional<String> value = value(column);
        if (value.isEmpty()) {
            if (required) {
                missing(column);
            }
            return null;
        }
        try {
            BigDecimal amount = new BigDecimal(value.get());
            if (amount.signum() < 0) {
                reject(column, value.get(), "must not be negative");
                return null;
            }
            if (amount.scale() > 2 || amount.precision() - amount.scale() > 17) {
                reject(column, value.get(), "at most 17 digits before and 2 after the decimal point");
                return null;
            }
            return amount.setScale(2);
        } catch (NumberFormatException e) {
            reject(column, value.get(), "not a decimal number (use a point, no thousands separators)");
            return null;
        }
    }

    public String currency(String column) {
        String value = required(column, 3);
        if (value == null) {
            return null;
        }
        try {
            return Currency.getInstance(value.toUpperCase(Locale.ROOT)).getCurrencyCode();
        } catch (IllegalArgumentException e) {
            reject(column, value, "not an ISO 4217 currency code (such as EUR, USD)");
            return null;
        }
    }

    public Boolean bool(String column, boolean fallback) {
        Optional<String> value = value(column);
        if (value.isEmpty()) {
            return fallback;
        }
        return switch (value.get().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> {
                reject(column, value.get(), "must be true or false");
                yield null;
            }
        };
    }

    public Integer integer(String column, int min, int max, int fallback) {
        Optional<String> value = value(column);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.get());
            if (n < min || n > max) {
                reject(column, value.get(), "must be between " + min + " and " + max);
                return null;
            }
            return n;
        } catch (NumberFormatException e) {
            reject(column, value.get(), "not a whole number");
            return null;
        }
    }

    public <E extends Enum<E>> E choice(String column, Class<E> type, E fallback) {
        Optional<String> value = value(column);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, value.get().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            reject(column, value.get(), "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
            return null;
        }
    }
}
