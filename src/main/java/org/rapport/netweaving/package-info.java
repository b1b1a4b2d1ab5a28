/**
 * Netweaving: introducing customers whose businesses complement each other, and rewarding the customers who help.
 * Wired so far: the weekly matching run ({@link org.rapport.netweaving.MatchingService}, {@link org.rapport.netweaving.MatchingJob},
 * {@code POST /api/introductions/match}) and introductions up to their approval or decline, with outcomes
 * ({@link org.rapport.netweaving.IntroductionService}, {@code /api/introductions}). The domain core is plain Java,
 * unit-tested without a container: the introduction's life ({@link org.rapport.netweaving.IntroductionStage}), the
 * reward's ({@link org.rapport.netweaving.RewardStatus}) and who may approve a reward within which budget
 * ({@link org.rapport.netweaving.RewardApproval}), and the {@link org.rapport.netweaving.Matcher}, which proposes pairs
 * from an inverted index by category. Rewards are not stored, exposed or run by a job yet.
 */
package org.rapport.netweaving;
