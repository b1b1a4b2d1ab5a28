package org.rapport.netweaving;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IntroductionSettingsTest {

    /** The settings as their defaults give them, with {@code matchChunk} set. */
    private static IntroductionSettings withMatchChunk(int matchChunk) {
        IntroductionSettings settings = new IntroductionSettings();
        settings.remindAfter = 5;
        settings.expireAfter = 10;
        settings.followUpAfterDays = 14;
        settings.matchChunk = matchChunk;
        return settings;
    }

    @Test
    void aMatchChunkFromOneToTenThousandIsTaken() {
        for (int chunk : new int[] {1, 50, 1000, IntroductionSettings.MAX_MATCH_CHUNK}) {
            IntroductionSettings settings = withMatchChunk(chunk);
            settings.run();
            assertThat(settings.matchChunk()).isEqualTo(chunk);
        }
    }

    @Test
    void aMatchChunkThatCannotWorkStopsTheStartNamingTheSetting() {
        for (int chunk : new int[] {0, -1, IntroductionSettings.MAX_MATCH_CHUNK + 1}) {
            assertThatThrownBy(withMatchChunk(chunk)::run)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("RAPPORT_INTRODUCTIONS_MATCH_CHUNK must be 1 to 10000, not " + chunk);
        }
    }
}
