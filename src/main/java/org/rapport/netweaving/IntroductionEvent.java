package org.rapport.netweaving;

import java.time.Instant;

/**
 * One entry of an introduction's history.
 *
 * @param kind  {@code PROPOSED}, {@code MOVED} (a change of stage), {@code APPROVED_SIDE} (one owner's yes while the
 *              other's is awaited) or {@code REMINDED}
 * @param actor a login, {@code rapport} for the service itself, or {@code customer:<external id>} for a customer's answer
 */
public record IntroductionEvent(String kind, IntroductionStage stageFrom, IntroductionStage stageTo, String actor,
                                String note, Instant occurredAt) {

    public static final String PROPOSED = "PROPOSED";
    public static final String MOVED = "MOVED";
    public static final String APPROVED_SIDE = "APPROVED_SIDE";
    public static final String REMINDED = "REMINDED";

    /** The actor name of work the service does by itself (the matcher, reminders, expiry). */
    public static final String RAPPORT = "rapport";
}
