package org.rapport.netweaving;

/**
 * Fired (synchronously, inside the transaction that moved it) when an introduction changes stage, so that what follows
 * a stage (the consent request after APPROVED, the introduction email after CONSENTED, a reward after DEAL_CLOSED) is
 * written in the same transaction or not at all.
 */
public record IntroductionMoved(long introductionId, IntroductionStage from, IntroductionStage to, String actor) {
}
