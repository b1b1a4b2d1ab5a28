package org.rapport.outbox;

import jakarta.mail.util.StreamProvider;
import org.eclipse.angus.mail.util.MailStreamProvider;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Jakarta Mail is told which StreamProvider to use, so it does not search the class path for it on every MIME part. */
class PostmenTest {

    @Test
    void theStreamProviderIsNamedAndIsTheOneJakartaMailWouldHaveFound() {
        Postmen.nameStreamProvider();

        assertThat(System.getProperty(Postmen.STREAM_PROVIDER)).isEqualTo(MailStreamProvider.class.getName());
        assertThat(StreamProvider.provider()).isInstanceOf(MailStreamProvider.class);
    }
}
