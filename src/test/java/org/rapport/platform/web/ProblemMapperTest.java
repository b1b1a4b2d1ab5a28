package org.rapport.platform.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemMapperTest {

    @Test
    void violationPathsAreReportedWithTheJsonFieldName() {
        assertThat(ProblemMapper.field("record.request.purchasedOn")).isEqualTo("purchased_on");
        assertThat(ProblemMapper.field("create.arg0.externalId")).isEqualTo("external_id");
        assertThat(ProblemMapper.field("amount")).isEqualTo("amount");
    }
}
