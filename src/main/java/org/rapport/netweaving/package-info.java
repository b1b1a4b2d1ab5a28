/**
 * Netweaving: introducing customers whose businesses complement each other, and rewarding the customers who help.
 * Wired: the weekly matching run ({@link org.rapport.netweaving.MatchingService}, {@link org.rapport.netweaving.MatchingJob},
 * {@code POST /api/introductions/match}), introductions through approval, consent (emails and the customers' answers on signed links: {@link org.rapport.netweaving.IntroductionConsents}, {@link org.rapport.netweaving.MeetingQuestions}; reminders and expiry by {@link org.rapport.netweaving.ConsentDeadlines}) and outcome
 * ({@link org.rapport.netweaving.IntroductionService}, {@code /api/introductions}), and rewards with their append-only
 * ledger ({@link org.rapport.netweaving.RewardService}, {@code /api/rewards}), proposed by rules (the top tier reached,
 * anniversaries, a deal closed on an introduction, a converted referral). The domain core is plain Java, unit-tested
 * without a container: the introduction's life ({@link org.rapport.netweaving.IntroductionStage}), the reward's
 * ({@link org.rapport.netweaving.RewardStatus}) and who may approve or correct a reward within which budget
 * ({@link org.rapport.netweaving.RewardApproval}), and the {@link org.rapport.netweaving.Matcher}, which proposes pairs
 * from an inverted index by category over a compact {@link org.rapport.netweaving.MatchInput}, examining a bounded
 * number of providers per need.
 */
package org.rapport.netweaving;
