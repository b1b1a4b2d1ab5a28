package org.rapport.platform.pages;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

class PagePathsTest {

    @Test
    void anIdIsOneSegmentWhateverItHolds() {
        assertThat(PagePaths.segment("C0000001")).isEqualTo("C0000001");
        assertThat(PagePaths.segment("ACME 7#b?x=1&y%")).isEqualTo("ACME%207%23b%3Fx%3D1%26y%25");
        assertThat(PagePaths.segment("a/b")).isEqualTo("a%2Fb");
        assertThat(PagePaths.segment("Müller+Co")).isEqualTo("M%C3%BCller%2BCo");
        String id = "Ø 1+2 #3?";
        assertThat(URI.create("http://x/customers/" + PagePaths.segment(id)).getPath()).isEqualTo("/customers/" + id);
    }
}
