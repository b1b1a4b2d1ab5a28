package org.rapport.reports;

import java.util.Arrays;
import java.util.Optional;

/**
 * A category whose problems of the last 14 days stand well above its previous 12 weeks. The rule: the 12 weeks are six
 * windows of 14 days; their <b>median</b> is the expected count λ (a median, so that one unusual window in the past
 * neither hides a spike now nor raises one); the recent count {@code x} is a spike when it is at least
 * {@value #MIN_COUNT} and a Poisson count of mean λ would reach {@code x} or more with a probability under
 * {@value #ALPHA} (one-sided). λ is at least {@value #LEAST_EXPECTED}, so a category that had none before needs a few
 * problems, not one, to be flagged.
 *
 * @param category      the category's code
 * @param recent        problems opened in the last 14 days
 * @param low           the fewest in one of the six windows before
 * @param high          the most in one of them
 * @param expected      λ, the median of the six windows (at least {@value #LEAST_EXPECTED})
 * @param probability   the chance of {@code recent} or more from a Poisson count of mean λ
 */
public record Spike(String category, int recent, int low, int high, double expected, double probability) {

    /** Windows of 14 days in the 12 weeks before the last 14 days. */
    public static final int WINDOWS = 6;
    static final int MIN_COUNT = 5;
    static final double ALPHA = 0.01;
    static final double LEAST_EXPECTED = 0.5;

    /** The spike of {@code category}, if its recent count is one; {@code before} holds the six earlier windows' counts. */
    public static Optional<Spike> of(String category, int recent, int[] before) {
        if (before.length != WINDOWS) {
            throw new IllegalArgumentException("The rule compares with " + WINDOWS + " windows of 14 days, not " + before.length);
        }
        int[] sorted = before.clone();
        Arrays.sort(sorted);
        double expected = Math.max(LEAST_EXPECTED, (sorted[WINDOWS / 2 - 1] + sorted[WINDOWS / 2]) / 2.0);
        double probability = atLeast(recent, expected);
        if (recent < MIN_COUNT || probability >= ALPHA) {
            return Optional.empty();
        }
        return Optional.of(new Spike(category, recent, sorted[0], sorted[WINDOWS - 1], expected, probability));
    }

    /** P(X ≥ x) for a Poisson X of mean λ: one less the sum of the terms below x, each in logarithms (no underflow). */
    static double atLeast(int x, double lambda) {
        if (x <= 0) {
            return 1.0;
        }
        double below = 0;
        double logTerm = -lambda; // k = 0: e^-λ
        for (int k = 0; k < x; k++) {
            below += Math.exp(logTerm);
            logTerm += Math.log(lambda) - Math.log(k + 1);
        }
        return Math.max(0, 1 - below);
    }

    /** The line for the manager's weekly email, e.g. "Delivery problems doubled: 18 in 14 days against 4–9 before". */
    public String headline(String categoryName) {
        return said(categoryName + " problems");
    }

    /** The same line about {@code problems}, e.g. "Problems without a category doubled: …". */
    public String said(String problems) {
        int fold = fold();
        String rose = fold >= 4 ? "rose " + fold + "-fold" : fold == 3 ? "tripled" : fold == 2 ? "doubled" : "rose";
        return problems + " " + rose + ": " + recent + " in 14 days against " + before() + " before";
    }

    /** How many times λ the recent count is, in whole times: 1 (rose), 2 (doubled), 3 (tripled) or more. */
    public int fold() {
        return Math.max(1, (int) (recent / expected));
    }

    /** The range of the six windows before: "4–9", or "4" when all were alike. */
    public String before() {
        return low == high ? Integer.toString(low) : low + "–" + high;
    }
}
