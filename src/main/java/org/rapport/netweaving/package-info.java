/**
 * Netweaving: introducing customers whose businesses complement each other, and rewarding the customers who help.
 * So far only the pure domain core, driven by unit tests without a container: the introduction's life
 * ({@link org.rapport.netweaving.IntroductionStage}), the reward's ({@link org.rapport.netweaving.RewardStatus}) and who
 * may approve a reward within which budget ({@link org.rapport.netweaving.RewardApproval}), and the
 * {@link org.rapport.netweaving.Matcher}, which proposes pairs from an inverted index by category over a compact
 * {@link org.rapport.netweaving.MatchInput}, examining a bounded number of providers per need. Nothing here is stored,
 * exposed through the API or run by a job yet.
 */
package org.rapport.netweaving;
