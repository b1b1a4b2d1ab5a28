package org.rapport.netweaving;

import java.util.Optional;

/**
 * The side of an introduction a consent request asks: FIRST, the customer who needs what the other offers (asked
 * first), or SECOND (asked only after the first said yes). Each side has the one stage in which its answer is awaited.
 */
public enum ConsentSide {
    FIRST(IntroductionStage.CONSENT_REQUESTED_FIRST), SECOND(IntroductionStage.CONSENT_REQUESTED_SECOND);

    private final IntroductionStage asked;

    ConsentSide(IntroductionStage asked) {
        this.asked = asked;
    }

    /** The stage in which this side's answer is awaited. */
    public IntroductionStage asked() {
        return asked;
    }

    /** The side whose answer {@code stage} awaits, if any. */
    public static Optional<ConsentSide> awaitedIn(IntroductionStage stage) {
        for (ConsentSide side : values()) {
            if (side.asked == stage) {
                return Optional.of(side);
            }
        }
        return Optional.empty();
    }

    /** As the signed data of a consent link names it; empty for anything else. */
    public static Optional<ConsentSide> parse(String text) {
        return "FIRST".equals(text) ? Optional.of(FIRST) : "SECOND".equals(text) ? Optional.of(SECOND) : Optional.empty();
    }
}
