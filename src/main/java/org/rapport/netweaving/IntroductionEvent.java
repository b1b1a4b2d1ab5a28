package org.rapport.netweaving;

import java.time.Instant;

/**
 * One entry of an introduction's history.
 *
 * @param kind  {@code PROPOSED}, {@code MOVED} (a change of stage), {@code APPROVED_SIDE} (one owner's yes while the
 *              other's is awaited), {@code REMINDED}, {@code ASKED_IF_MET} (the "did you meet?" email) or
 *              {@code NOT_MET_YET} (a customer's "not yet" to it) or
 *              {@code COPY_SENT} (a copy of a withdrawn introduction that reached its customer after all)
 * @param actor a login, {@code rapport} for the service itself, or {@code customer:<external id>} for a customer's answer
 */
public record IntroductionEvent(String kind, IntroductionStage stageFrom, IntroductionStage stageTo, String actor,
                                String note, Instant occurredAt) {

    public static final String PROPOSED = "PROPOSED";
    public static final String MOVED = "MOVED";
    public static final String APPROVED_SIDE = "APPROVED_SIDE";
    public static final String REMINDED = "REMINDED";
    /** The "did you meet?" email went to both customers. */
    public static final String ASKED_IF_MET = "ASKED_IF_MET";
    /** A customer answered "not yet" to it (the stage stays INTRODUCED). */
    public static final String NOT_MET_YET = "NOT_MET_YET";

    /** A copy of the introduction was sent after all, after it was withdrawn (the stage stays WITHDRAWN). */
    public static final String COPY_SENT = "COPY_SENT";

    /** The actor name of work the service does by itself (the matcher, reminders, expiry). */
    public static final String RAPPORT = "rapport";
}
