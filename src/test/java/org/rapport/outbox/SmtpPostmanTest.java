package org.rapport.outbox;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the postman asks the server whether the connection is alive (an SMTP NOOP) before a message is taken: only when
 * the server's last answer is more than a second old. Against a scripted SMTP server that records every command, with
 * the postman's clock moved by hand.
 */
class SmtpPostmanTest {

    private ScriptedSmtpServer server;
    private final AtomicLong now = new AtomicLong(TimeUnit.HOURS.toNanos(1));

    @BeforeEach
    void start() throws IOException {
        server = new ScriptedSmtpServer();
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    @Test
    void aConnectionThatAnsweredWithinTheLastSecondIsNotPinged() throws Exception {
        try (SmtpPostman postman = postman()) {
            firstMessageThenIdle(postman, 900);
            postman.connect();
            postman.deliver(message(postman, "second@customers.example"));

            assertThat(server.commands()).filteredOn(c -> c.startsWith("NOOP")).isEmpty();
            assertThat(server.commands()).filteredOn(c -> c.startsWith("DATA")).hasSize(2);
            assertThat(server.connections()).isEqualTo(1);
        }
    }

    @Test
    void aConnectionIdleForMoreThanASecondIsPingedBeforeTheNextMessage() throws Exception {
        try (SmtpPostman postman = postman()) {
            firstMessageThenIdle(postman, 1100);
            postman.connect();
            postman.connect(); // the NOOP's answer counts as an answer: no second ping

            assertThat(server.commands()).filteredOn(c -> c.startsWith("NOOP")).hasSize(1);
            assertThat(server.connections()).isEqualTo(1);
        }
    }

    @Test
    void anIdleConnectionTheServerDroppedIsOpenedAgain() throws Exception {
        try (SmtpPostman postman = postman()) {
            firstMessageThenIdle(postman, 5000);
            server.dropConnections(); // while the connection was idle
            postman.connect();
            postman.deliver(message(postman, "second@customers.example"));

            assertThat(server.connections()).isEqualTo(2);
            assertThat(server.commands()).filteredOn(c -> c.startsWith("DATA")).hasSize(2);
        }
    }

    /** Opens the connection, sends one message, then lets {@code millis} pass on the postman's clock. */
    private void firstMessageThenIdle(SmtpPostman postman, long millis) throws Exception {
        postman.connect();
        postman.deliver(message(postman, "first@customers.example"));
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
    }

    private SmtpPostman postman() {
        Properties p = new Properties();
        p.setProperty("mail.smtp.host", "127.0.0.1");
        p.setProperty("mail.smtp.port", Integer.toString(server.port()));
        p.setProperty("mail.smtp.timeout", "10000");
        p.setProperty("mail.smtp.connectiontimeout", "10000");
        return new SmtpPostman(Session.getInstance(p), null, null, now::get);
    }

    private static MimeMessage message(Postman postman, String to) throws Exception {
        MimeMessage message = new MimeMessage(postman.session());
        message.setFrom(new InternetAddress("outreach@rapport.example"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject("Hello");
        message.setText("Hello");
        return message;
    }

    /** A minimal SMTP server: accepts every message, answers NOOP, and records each command it reads. */
    private static final class ScriptedSmtpServer implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        private final List<String> commands = new CopyOnWriteArrayList<>();
        private final List<Socket> open = new CopyOnWriteArrayList<>();
        private final Thread acceptor;

        ScriptedSmtpServer() throws IOException {
            acceptor = new Thread(this::accept, "scripted-smtp");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        List<String> commands() {
            return List.copyOf(commands);
        }

        int connections() {
            return (int) commands.stream().filter(c -> c.startsWith("EHLO")).count();
        }

        void dropConnections() throws IOException {
            for (Socket s : open) {
                s.close();
            }
        }

        private void accept() {
            while (!socket.isClosed()) {
                try {
                    Socket client = socket.accept();
                    open.add(client);
                    Thread session = new Thread(() -> serve(client), "scripted-smtp-session");
                    session.setDaemon(true);
                    session.start();
                } catch (IOException e) {
                    return;
                }
            }
        }

        private void serve(Socket client) {
            try (client;
                 BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
                 PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.US_ASCII)) {
                reply(out, "220 scripted");
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    commands.add(line);
                    String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line;
                    switch (verb) {
                        case "EHLO" -> reply(out, "250 scripted");
                        case "DATA" -> {
                            reply(out, "354 go on");
                            for (String body = in.readLine(); body != null && !body.equals("."); body = in.readLine()) {
                                // the message itself is not kept
                            }
                            reply(out, "250 accepted");
                        }
                        case "QUIT" -> {
                            reply(out, "221 bye");
                            return;
                        }
                        default -> reply(out, "250 ok");
                    }
                }
            } catch (IOException e) {
                // the connection was dropped on purpose
            }
        }

        private static void reply(PrintWriter out, String line) {
            out.print(line + "\r\n");
            out.flush();
        }

        @Override
        public void close() throws IOException {
            socket.close();
            dropConnections();
        }
    }
}
