package org.rapport.testing;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.rapport.testing.Sockets.closeQuietly;
import static org.rapport.testing.Sockets.daemon;
import static org.rapport.testing.Sockets.pump;

/**
 * TLS in front of a plain mail server on loopback (GreenMail), with a certificate of the test's choosing, for what
 * GreenMail cannot serve itself:
 * <ul>
 *   <li>{@link #startTls}: an SMTP server that offers STARTTLS and requires it: before the upgrade it answers every
 *   command but EHLO, HELO, NOOP, RSET, QUIT and STARTTLS with {@code 530 5.7.0 Must issue a STARTTLS command first},
 *   so no mail passes in plain text;</li>
 *   <li>{@link #implicit}: TLS from the first byte (SMTPS, IMAPS) with another certificate.</li>
 * </ul>
 * After the handshake, bytes pass through unchanged. It records each connection's TLS protocol, the commands it refused
 * in plain text and the handshakes that failed.
 */
public final class TlsFront implements AutoCloseable {

    private static final String CRLF = "\r\n";

    private final ServerSocket server;
    private final SSLContext tls;
    private final int upstreamPort;
    private final boolean startTls;
    private final List<String> sessions = new CopyOnWriteArrayList<>();
    private final List<String> refused = new CopyOnWriteArrayList<>();
    private final List<String> failedHandshakes = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();

    private TlsFront(SSLContext tls, int upstreamPort, boolean startTls) throws IOException {
        this.tls = tls;
        this.upstreamPort = upstreamPort;
        this.startTls = startTls;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        daemon(this::accept, "tls-front");
    }

    /** SMTP with required STARTTLS, relayed to the plain SMTP server on {@code upstreamPort}. */
    public static TlsFront startTls(SSLContext tls, int upstreamPort) throws IOException {
        return new TlsFront(tls, upstreamPort, true);
    }

    /** Implicit TLS, relayed to the plain server on {@code upstreamPort}. */
    public static TlsFront implicit(SSLContext tls, int upstreamPort) throws IOException {
        return new TlsFront(tls, upstreamPort, false);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** The TLS protocol of every connection that completed the handshake, e.g. {@code TLSv1.3}. */
    public List<String> tlsSessions() {
        return List.copyOf(sessions);
    }

    /** Commands refused because they came before STARTTLS. */
    public List<String> refusedInPlainText() {
        return List.copyOf(refused);
    }

    /** Why each failed handshake failed, as the server saw it. */
    public List<String> failedHandshakes() {
        return List.copyOf(failedHandshakes);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                open.add(client);
                daemon(() -> serve(client), "tls-front-connection");
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort)) {
            open.add(upstream);
            if (startTls) {
                smtpUntilStartTls(client, upstream);
            } else {
                relay(handshake(client), upstream);
            }
        } catch (IOException e) {
            // the connection ended
        } finally {
            closeQuietly(client);
        }
    }

    private void smtpUntilStartTls(Socket client, Socket upstream) throws IOException {
        InputStream fromUpstream = upstream.getInputStream();
        OutputStream toUpstream = upstream.getOutputStream();
        OutputStream toClient = client.getOutputStream();
        InputStream fromClient = client.getInputStream();
        write(toClient, String.join("", reply(fromUpstream)));
        for (String line = readLine(fromClient); line != null; line = readLine(fromClient)) {
            String verb = line.strip().split(" ", 2)[0].toUpperCase(Locale.ROOT);
            switch (verb) {
                case "EHLO" -> {
                    write(toUpstream, line);
                    write(toClient, withStartTls(reply(fromUpstream)));
                }
                case "HELO", "NOOP", "RSET", "QUIT" -> {
                    write(toUpstream, line);
                    write(toClient, String.join("", reply(fromUpstream)));
                }
                case "STARTTLS" -> {
                    write(toClient, "220 2.0.0 Ready to start TLS" + CRLF);
                    relay(handshake(client), upstream);
                    return;
                }
                default -> {
                    refused.add(line.strip());
                    write(toClient, "530 5.7.0 Must issue a STARTTLS command first" + CRLF);
                }
            }
        }
    }

    private SSLSocket handshake(Socket client) throws IOException {
        SSLSocket ssl = (SSLSocket) tls.getSocketFactory().createSocket(client, null, client.getPort(), true);
        ssl.setUseClientMode(false);
        try {
            ssl.startHandshake();
        } catch (IOException e) {
            failedHandshakes.add(String.valueOf(e));
            throw e;
        }
        open.add(ssl);
        sessions.add(ssl.getSession().getProtocol());
        return ssl;
    }

    /** Both ways until either side closes. */
    private static void relay(Socket a, Socket b) throws IOException {
        Thread back = daemon(() -> pump(b, a), "tls-front-relay");
        pump(a, b);
        try {
            back.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The lines of one SMTP reply, up to the one whose code is followed by a space. */
    private static List<String> reply(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line = readLine(in); line != null; line = readLine(in)) {
            lines.add(line);
            if (line.length() < 4 || line.charAt(3) != '-') {
                break;
            }
        }
        return lines;
    }

    /** GreenMail's EHLO reply with STARTTLS added as its last extension. */
    private static String withStartTls(List<String> lines) {
        StringBuilder reply = new StringBuilder();
        for (String line : lines) {
            reply.append(line, 0, 3).append('-').append(line.substring(Math.min(4, line.length())));
        }
        return reply.append("250 STARTTLS").append(CRLF).toString();
    }

    /** One line including its CRLF, read byte by byte so that nothing after it is consumed; null at the end. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        for (int c = in.read(); c >= 0; c = in.read()) {
            line.write(c);
            if (c == '\n') {
                return line.toString(StandardCharsets.ISO_8859_1);
            }
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closed already
        }
        open.forEach(Sockets::closeQuietly);
    }
}
