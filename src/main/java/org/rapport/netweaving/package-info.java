/**
 * Netweaving: introducing customers whose businesses complement each other, and rewarding the customers who help.
 * The pure domain core, driven by unit tests without a container: the introduction's life
 * ({@link org.rapport.netweaving.IntroductionStage}), the reward's ({@link org.rapport.netweaving.RewardStatus}), who may
 * approve a reward within which budget ({@link org.rapport.netweaving.RewardApproval}), the
 * {@link org.rapport.netweaving.Matcher} (an inverted index by category) and when a consent request is reminded or
 * expires ({@link org.rapport.netweaving.ConsentDeadlines}). Stored and moved by
 * {@link org.rapport.netweaving.IntroductionService}; from approval to the introduction and its "did you meet?" driven by
 * emails and the customers' answers on their signed links ({@link org.rapport.netweaving.IntroductionConsents},
 * {@link org.rapport.netweaving.MeetingQuestions}).
 */
package org.rapport.netweaving;
