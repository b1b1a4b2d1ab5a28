package org.rapport.platform.jobs;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CronSettingTest {

    @Test
    void aQuartzExpressionIsTakenStripped() {
        assertThat(CronSetting.checked("rapport.introductions.match.cron", " 0 0 6 ? * MON ")).isEqualTo("0 0 6 ? * MON");
    }

    @Test
    void aBadScheduleRefusesToStartNamingTheSettingAndTheValue() {
        assertThatThrownBy(() -> CronSetting.checked("rapport.introductions.match.cron", "every monday"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("rapport.introductions.match.cron: 'every monday' is not a Quartz cron expression");
        assertThatThrownBy(() -> CronSetting.checked("rapport.introductions.match.cron", "0 0 6 * * MON"))
                .as("day of month and day of week both given").hasMessageContaining("rapport.introductions.match.cron");
    }
}
