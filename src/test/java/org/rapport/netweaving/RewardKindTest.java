package org.rapport.netweaving;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The subjects the rules give their rewards are theirs: a person's proposal in that form would take a rule's place. */
class RewardKindTest {

    @Test
    void eachRuleWritesItsSubjectInOneForm() {
        assertThat(RewardKind.INTRODUCTION_CONVERTED.ruleSubject(42)).isEqualTo("introduction 42");
        assertThat(RewardKind.ANNIVERSARY.ruleSubject(5)).isEqualTo("5 years");
        assertThat(RewardKind.TOP_TIER.ruleSubject(2026)).isEqualTo("TOP10 2026");
        assertThat(RewardKind.REFERRAL_CONVERTED.ruleSubject(7)).isEqualTo("referral 7");
    }

    @Test
    void aSubjectInTheRulesFormIsTheRulesWhateverItsCaseAndSpacing() {
        for (RewardKind kind : RewardKind.values()) {
            assertThat(kind.isRuleSubject(kind.ruleSubject(2026))).as(kind.toString()).isTrue();
        }
        assertThat(RewardKind.INTRODUCTION_CONVERTED.isRuleSubject(" Introduction #42 ")).isTrue();
        assertThat(RewardKind.ANNIVERSARY.isRuleSubject("10 YEARS")).isTrue();
        assertThat(RewardKind.ANNIVERSARY.isRuleSubject("5years")).isTrue();
        assertThat(RewardKind.TOP_TIER.isRuleSubject("top10 2027")).isTrue();
        assertThat(RewardKind.REFERRAL_CONVERTED.isRuleSubject("Referral no. 17")).isTrue();
    }

    @Test
    void aCauseInOtherWordsIsAPersonsToName() {
        assertThat(RewardKind.REFERRAL_CONVERTED.isRuleSubject("Jane Roe at Foo GmbH")).isFalse();
        assertThat(RewardKind.REFERRAL_CONVERTED.isRuleSubject("referral of Jane Roe by phone")).isFalse();
        assertThat(RewardKind.INTRODUCTION_CONVERTED.isRuleSubject("introduction to Müller at the fair")).isFalse();
        assertThat(RewardKind.ANNIVERSARY.isRuleSubject("25 years of the company")).isFalse();
        assertThat(RewardKind.TOP_TIER.isRuleSubject("best customer 2026")).isFalse();
        // a subject is reserved for its own kind only
        assertThat(RewardKind.REFERRAL_CONVERTED.isRuleSubject("introduction 42")).isFalse();
    }
}
