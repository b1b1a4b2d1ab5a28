package org.rapport.outbox;

import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SmtpTlsTest {

    @Test
    void theDocumentedValuesAreRead() {
        assertThat(SmtpTls.of("starttls")).isEqualTo(SmtpTls.STARTTLS);
        assertThat(SmtpTls.of(" TLS ")).isEqualTo(SmtpTls.TLS);
        assertThat(SmtpTls.of("ssl")).isEqualTo(SmtpTls.TLS);
        assertThat(SmtpTls.of("none")).isEqualTo(SmtpTls.NONE);
    }

    @Test
    void anUnknownValueIsRefusedNamingTheSettingAndTheChoices() {
        for (String typo : new String[] {"startls", "yes", "true", ""}) {
            assertThatThrownBy(() -> SmtpTls.of(typo))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("RAPPORT_SMTP_TLS is '" + typo + "'")
                    .hasMessageContaining("starttls, tls or none");
        }
    }

    @Test
    void starttlsIsRequiredAndEveryTlsChecksTheServersIdentity() {
        Properties starttls = Postmen.properties(settings(SmtpTls.STARTTLS));
        assertThat(starttls).containsEntry("mail.transport.protocol", "smtp")
                .containsEntry("mail.smtp.starttls.required", "true")
                .containsEntry("mail.smtp.ssl.checkserveridentity", "true");

        Properties tls = Postmen.properties(settings(SmtpTls.TLS));
        assertThat(tls).containsEntry("mail.transport.protocol", "smtps")
                .containsEntry("mail.smtps.ssl.checkserveridentity", "true");

        Properties none = Postmen.properties(settings(SmtpTls.NONE));
        assertThat(none).containsEntry("mail.transport.protocol", "smtp")
                .doesNotContainKey("mail.smtp.starttls.enable")
                .doesNotContainKey("mail.smtp.ssl.checkserveridentity");
    }

    private static MailSettings settings(SmtpTls tls) {
        MailSettings s = new MailSettings();
        s.smtpTls = tls;
        s.smtpHost = Optional.of("smtp.example.com");
        s.smtpUser = Optional.empty();
        s.from = "rapport@example.com";
        return s;
    }
}
