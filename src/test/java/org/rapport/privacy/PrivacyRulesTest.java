package org.rapport.privacy;

import org.junit.jupiter.api.Test;
import org.rapport.platform.errors.InvalidInput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PrivacyRulesTest {

    @Test
    void jsonUnlessCsvOrOnlyAZipIsAskedFor() {
        assertThat(ExportResource.wantsZip(null, null)).isFalse();
        assertThat(ExportResource.wantsZip(null, "application/json")).isFalse();
        assertThat(ExportResource.wantsZip(null, "application/zip")).isTrue();
        assertThat(ExportResource.wantsZip(null, "application/json, application/zip")).isFalse();
        assertThat(ExportResource.wantsZip("csv", "application/json")).as("the parameter wins").isTrue();
        assertThat(ExportResource.wantsZip("JSON", "application/zip")).isFalse();
        assertThatThrownBy(() -> ExportResource.wantsZip("xml", null)).isInstanceOf(InvalidInput.class).hasMessageContaining("format");
    }

    @Test
    void theErasureCancelsWhatPlanningMayCancel() {
        assertThat(ErasureService.cancellable()).containsExactlyInAnyOrder("OPEN", "QUEUED", "ESCALATED");
    }

    @Test
    void theErasureIsFoundAgainByTheExactExternalId() {
        assertThat(ErasureService.hash("C-1")).isEqualTo(ErasureService.hash("C-1")).hasSize(32);
        assertThat(ErasureService.hash("c-1")).isNotEqualTo(ErasureService.hash("C-1"));
    }
}
