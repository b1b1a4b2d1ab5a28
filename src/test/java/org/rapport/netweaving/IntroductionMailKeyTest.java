package org.rapport.netweaving;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IntroductionMailKeyTest {

    @Test
    void eachKeyAnIntroductionQueuesIsReadBackAsWhatItIs() {
        assertThat(IntroductionMailKey.parse(IntroductionMailKey.consent(42, ConsentSide.FIRST))).hasValueSatisfying(k -> {
            assertThat(k.kind()).isEqualTo(IntroductionMailKey.Kind.CONSENT);
            assertThat(k.introductionId()).isEqualTo(42);
            assertThat(k.side()).isEqualTo(ConsentSide.FIRST);
        });
        assertThat(IntroductionMailKey.parse(IntroductionMailKey.reminder(7, ConsentSide.SECOND))).hasValueSatisfying(k -> {
            assertThat(k.kind()).isEqualTo(IntroductionMailKey.Kind.REMINDER);
            assertThat(k.side()).isEqualTo(ConsentSide.SECOND);
        });
        assertThat(IntroductionMailKey.parse(IntroductionMailKey.introduction(9, 1234))).hasValueSatisfying(k -> {
            assertThat(k.kind()).isEqualTo(IntroductionMailKey.Kind.INTRODUCTION);
            assertThat(k.introductionId()).isEqualTo(9);
            assertThat(k.customerId()).isEqualTo(1234);
        });
    }

    @Test
    void theKeysAreTheOnesAlreadyStoredInTheOutbox() {
        // rows queued before this change carry these keys; their deliveries must still be recognised
        assertThat(IntroductionMailKey.consent(42, ConsentSide.FIRST)).isEqualTo("consent:42:FIRST");
        assertThat(IntroductionMailKey.reminder(42, ConsentSide.SECOND)).isEqualTo("consent-reminder:42:SECOND");
        assertThat(IntroductionMailKey.introduction(42, 17)).isEqualTo("introduction:42:17");
    }

    @Test
    void otherFeaturesKeysAndMalformedOnesAreNotAnIntroductionsMail() {
        for (String key : new String[]{null, "", "thank-you-introduction:4:5", "planned:12", "consent:4:THIRD", "consent:x:FIRST",
                "introduction:4:", "introduction:4:FIRST", "introduction:4:5:6", "consent::FIRST", "introduction:99999999999999999999:1"}) {
            assertThat(IntroductionMailKey.parse(key)).as(key).isEmpty();
        }
    }
}
