/**
 * Netweaving: introducing customers whose businesses complement each other, and rewarding the customers who help.
 * The pure domain core is driven by unit tests without a container: the introduction's life
 * ({@link org.rapport.netweaving.IntroductionStage}), the reward's ({@link org.rapport.netweaving.RewardStatus}) and who
 * may approve a reward within which budget ({@link org.rapport.netweaving.RewardApproval}), and the
 * {@link org.rapport.netweaving.Matcher}, which proposes pairs from an inverted index by category. Rewards are wired end
 * to end: {@link org.rapport.netweaving.RewardService} stores them with their append-only ledger, the rules propose
 * them (the top tier reached, through {@code customers.TierReached}; anniversaries, through
 * {@link org.rapport.netweaving.RewardRulesJob}), and {@code /api/rewards} approves, rejects and fulfils them.
 * Introductions are not stored or exposed yet.
 */
package org.rapport.netweaving;
