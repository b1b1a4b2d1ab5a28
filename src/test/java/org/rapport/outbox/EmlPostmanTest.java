package org.rapport.outbox;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The erasure and retention find a message's {@code .eml} file by its Message-ID: the name is the one the postman writes. */
class EmlPostmanTest {

    @Test
    void aMessageIsWrittenWhereItsMessageIdSays(@TempDir Path folder) throws Exception {
        Session session = Session.getInstance(new Properties());
        String messageId = "<1f2e/3d+4c@mail.rapport.test>";
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws jakarta.mail.MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setText("hello");
        message.saveChanges(); // as MessageComposer leaves every message

        new EmlPostman(session, folder).deliver(message);

        assertThat(EmlFiles.name(messageId)).isEqualTo("1f2e3d4c@mail.rapport.test.eml");
        assertThat(folder.resolve(EmlFiles.name(messageId))).exists();
        try (var files = Files.list(folder)) {
            assertThat(files).hasSize(1);
        }
    }
}
