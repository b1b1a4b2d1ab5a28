package org.rapport.polls;

import java.util.Optional;

/**
 * Who a poll is drawn from: every customer in reach, a tier, a region, a team (a manager's salesperson id: the
 * customers whose owner is that manager or reports to them), or customers with a problem opened in the last N days.
 */
public enum Audience {
    ALL, TIER, REGION, TEAM, PROBLEM;

    /** Whether {@code audience_value} must be given. */
    public boolean needsValue() {
        return this != ALL;
    }

    public static Optional<Audience> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(text.strip().toUpperCase(java.util.Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
