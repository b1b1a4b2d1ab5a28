package org.rapport.netweaving;

import java.util.Optional;

/**
 * The idempotency keys of the emails an introduction queues, made and read in this one place: the outbox tells
 * netweaving what became of a message by its key ({@link IntroductionDeliveries}).
 *
 * @param part the side asked ({@code FIRST}, {@code SECOND}) for a consent request or its reminder; the recipient
 *             customer's id for an introduction copy
 */
record IntroductionMailKey(Kind kind, long introductionId, String part) {

    enum Kind {
        CONSENT("consent"), REMINDER("consent-reminder"), INTRODUCTION("introduction");

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }
    }

    static String consent(long id, ConsentSide side) {
        return new IntroductionMailKey(Kind.CONSENT, id, side.name()).toString();
    }

    static String reminder(long id, ConsentSide side) {
        return new IntroductionMailKey(Kind.REMINDER, id, side.name()).toString();
    }

    static String introduction(long id, long customerId) {
        return new IntroductionMailKey(Kind.INTRODUCTION, id, Long.toString(customerId)).toString();
    }

    /** The key of one of these kinds, or empty for any other (another feature's, a malformed one). */
    static Optional<IntroductionMailKey> parse(String key) {
        if (key == null) {
            return Optional.empty();
        }
        String[] parts = key.split(":", -1);
        if (parts.length != 3 || parts[1].isEmpty() || parts[1].length() > 18 || !parts[1].chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        for (Kind kind : Kind.values()) {
            if (kind.prefix.equals(parts[0])) {
                boolean partFits = kind == Kind.INTRODUCTION
                        ? !parts[2].isEmpty() && parts[2].length() <= 18 && parts[2].chars().allMatch(Character::isDigit)
                        : ConsentSide.parse(parts[2]).isPresent();
                return partFits ? Optional.of(new IntroductionMailKey(kind, Long.parseLong(parts[1]), parts[2])) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The side a consent request or reminder asked. */
    ConsentSide side() {
        return ConsentSide.parse(part).orElseThrow(() -> new IllegalStateException(this + " asks no side"));
    }

    /** The recipient of an introduction copy. */
    long customerId() {
        return Long.parseLong(part);
    }

    @Override
    public String toString() {
        return kind.prefix + ":" + introductionId + ":" + part;
    }
}
