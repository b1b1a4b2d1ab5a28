package org.rapport.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback TCP relay in front of the sink's SMTP port that can turn into a mail server in trouble, on the same port:
 * <ul>
 *   <li>{@link #silent()}: each connection is accepted and held open without a byte, the way a hung server or a
 *   black-holing firewall behaves;</li>
 *   <li>{@link #down()}: nothing listens, every connection is refused;</li>
 *   <li>{@link #tempFail()}: a server that greets and answers EHLO, NOOP and RSET, but refuses every message with
 *   {@code 451} at {@code MAIL FROM} (a full queue, a greylist), so each one is a failed attempt;</li>
 *   <li>{@link #pass()}: relays to the sink again.</li>
 * </ul>
 * Each switch cuts every open connection, so the clients waiting on them fail at once.
 */
final class SmtpRelay implements AutoCloseable {

    static final String TEMP_FAIL_REPLY = "451 4.3.0 Temporarily unable to accept mail, try again later";

    private final int upstreamPort;
    private final int port;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final AtomicLong refused = new AtomicLong();
    private volatile ServerSocket server;
    private volatile Mode mode = Mode.PASS;

    private enum Mode { PASS, SILENT, TEMP_FAIL }

    SmtpRelay(int upstreamPort) throws IOException {
        this.upstreamPort = upstreamPort;
        listen(0);
        this.port = server.getLocalPort();
    }

    int port() {
        return port;
    }

    /** The messages refused with {@value #TEMP_FAIL_REPLY} so far. */
    long refused() {
        return refused.get();
    }

    synchronized void silent() throws IOException {
        switchTo(Mode.SILENT);
    }

    synchronized void pass() throws IOException {
        switchTo(Mode.PASS);
    }

    synchronized void tempFail() throws IOException {
        switchTo(Mode.TEMP_FAIL);
    }

    /** Stops listening: connections are refused until the next switch, which listens on the same port again. */
    synchronized void down() throws IOException {
        server.close();
        closeAll();
    }

    private void switchTo(Mode next) throws IOException {
        mode = next;
        if (server.isClosed()) {
            listen(port);
        }
        closeAll();
    }

    private void listen(int on) throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), on), 50);
        server = s;
        Thread acceptor = new Thread(() -> accept(s), "smtp-relay");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void accept(ServerSocket s) {
        while (!s.isClosed()) {
            try {
                Socket client = s.accept();
                open.add(client);
                switch (mode) {
                    case SILENT -> {
                        // held open, never answered
                    }
                    case TEMP_FAIL -> daemon(() -> refuseMail(client), "smtp-relay-451");
                    case PASS -> {
                        Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
                        open.add(upstream);
                        pump(client.getInputStream(), upstream.getOutputStream(), client, upstream);
                        pump(upstream.getInputStream(), client.getOutputStream(), client, upstream);
                    }
                }
            } catch (IOException e) {
                if (s.isClosed()) {
                    return;
                }
            }
        }
    }

    /** Just enough SMTP for a client to connect, check the connection and try a message, which it refuses. */
    private void refuseMail(Socket client) {
        try (client; BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
             Writer out = new java.io.OutputStreamWriter(client.getOutputStream(), StandardCharsets.US_ASCII)) {
            reply(out, "220 relay.bench.test ESMTP");
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String command = line.length() < 4 ? line.toUpperCase(Locale.ROOT) : line.substring(0, 4).toUpperCase(Locale.ROOT);
                switch (command) {
                    case "EHLO", "HELO" -> reply(out, "250 relay.bench.test");
                    case "NOOP", "RSET" -> reply(out, "250 OK");
                    case "MAIL" -> {
                        refused.incrementAndGet();
                        reply(out, TEMP_FAIL_REPLY);
                    }
                    case "QUIT" -> {
                        reply(out, "221 Bye");
                        return;
                    }
                    default -> reply(out, "503 5.5.1 Bad sequence of commands");
                }
            }
        } catch (IOException ignored) {
            // the connection ended
        } finally {
            open.remove(client);
        }
    }

    private static void reply(Writer out, String line) throws IOException {
        out.write(line + "\r\n");
        out.flush();
    }

    private void pump(InputStream in, OutputStream out, Socket a, Socket b) {
        daemon(() -> {
            byte[] buffer = new byte[16384];
            try {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException ignored) {
                // the connection ended
            } finally {
                close(a);
                close(b);
            }
        }, "smtp-relay-pump");
    }

    private static void daemon(Runnable work, String name) {
        Thread t = new Thread(work, name);
        t.setDaemon(true);
        t.start();
    }

    private void closeAll() {
        for (Socket s : open) {
            close(s);
        }
        open.clear();
    }

    private void close(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
        open.remove(s);
    }

    @Override
    public void close() throws IOException {
        server.close();
        closeAll();
    }
}
