package org.rapport.platform.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestIdTest {

    @Test
    void aWellFormedIdOfTheCallerIsKept() {
        assertThat(RequestId.accepted("3f2c1a9e-7b7d-4c1e-9a55-0c2f4e0b9d11")).contains("3f2c1a9e-7b7d-4c1e-9a55-0c2f4e0b9d11");
        assertThat(RequestId.accepted("gw:eu-1.req_42")).contains("gw:eu-1.req_42");
        assertThat(RequestId.accepted("a".repeat(RequestId.MAX_LENGTH))).isPresent();
    }

    @Test
    void anythingElseIsReplacedNotEchoed() {
        assertThat(RequestId.accepted(null)).isEmpty();
        assertThat(RequestId.accepted("")).isEmpty();
        assertThat(RequestId.accepted("a".repeat(RequestId.MAX_LENGTH + 1))).as("too long").isEmpty();
        assertThat(RequestId.accepted("abc\r\nSet-Cookie: x=1")).as("a header injection").isEmpty();
        assertThat(RequestId.accepted("<script>")).as("markup").isEmpty();
        assertThat(RequestId.accepted("a b")).as("a space").isEmpty();
        assertThat(RequestId.accepted("ä")).as("not ASCII").isEmpty();
    }
}
