package org.rapport.outbox;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;

import static org.assertj.core.api.Assertions.assertThat;

class SendFailureTest {

    @Test
    void a5xxForTheRecipientIsPermanent() throws Exception {
        InternetAddress bad = new InternetAddress("nobody@example.com");
        SMTPAddressFailedException refused = new SMTPAddressFailedException(bad, "RCPT TO:<nobody@example.com>", 550,
                "550 5.1.1 User unknown");
        SendFailedException failed = new SendFailedException("Invalid Addresses", refused, new InternetAddress[0],
                new InternetAddress[0], new InternetAddress[]{bad});
        SendFailure failure = SendFailure.of(failed);
        assertThat(failure.permanent()).isTrue();
        assertThat(failure.description()).contains("550");
    }

    @Test
    void a4xxIsTransient() {
        SendFailure failure = SendFailure.of(new SMTPSendFailedException("DATA", 451, "451 4.3.0 try later", null, null, null, null));
        assertThat(failure.permanent()).isFalse();
    }

    @Test
    void noAnswerAtAllIsTransient() {
        SendFailure refused = SendFailure.of(new MessagingException("Couldn't connect to host, port: 127.0.0.1, 25",
                new ConnectException("Connection refused")));
        assertThat(refused.permanent()).isFalse();
        assertThat(SendFailure.of(new MessagingException("[EOF]")).permanent()).isFalse();
    }

    @Test
    void aMalformedAddressIsPermanent() {
        assertThat(SendFailure.of(new AddressException("Illegal address", "a b@c")).permanent()).isTrue();
    }

    @Test
    void descriptionsAreOneBoundedLine() {
        SendFailure failure = SendFailure.of(new MessagingException("line one\r\nline two " + "x".repeat(2000)));
        assertThat(failure.description()).doesNotContain("\n").hasSizeLessThanOrEqualTo(1000);
    }
}
