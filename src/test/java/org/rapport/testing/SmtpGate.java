package org.rapport.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.rapport.testing.Sockets.closeQuietly;
import static org.rapport.testing.Sockets.daemon;
import static org.rapport.testing.Sockets.pump;

/**
 * A loopback SMTP relay in front of GreenMail that can play the parts GreenMail cannot: a server that refuses one
 * recipient with 550, one that keeps asking the sender to try a recipient again later (450), a server that is down
 * (every connection answered with 421 and closed), and a message held on the wire (its final "." kept back until the
 * test releases it, so the sender waits for the server's answer). Everything else is passed through byte for byte.
 */
public final class SmtpGate implements AutoCloseable {

    private static final Pattern RCPT = Pattern.compile("RCPT TO:\\s?<([^>]*)>.*", Pattern.CASE_INSENSITIVE);

    private final ServerSocket server;
    private final int upstreamPort;
    private final Set<String> rejected = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> deferred = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<Socket> open = new CopyOnWriteArrayList<>();
    private volatile boolean down;
    private final Set<String> held = ConcurrentHashMap.newKeySet();
    private final Semaphore holding = new Semaphore(0);
    private volatile CountDownLatch released = new CountDownLatch(0);

    public SmtpGate(int port, int upstreamPort) throws IOException {
        this.upstreamPort = upstreamPort;
        this.server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        Thread acceptor = new Thread(this::accept, "smtp-gate");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Answers RCPT TO for this address with a permanent 550. */
    public void reject(String address) {
        rejected.add(address.toLowerCase(Locale.ROOT));
    }

    /** Answers RCPT TO for this address with a transient 450, every time, and counts how often it did. */
    public void defer(String address) {
        deferred.putIfAbsent(address.toLowerCase(Locale.ROOT), new AtomicInteger());
    }

    /** How many times RCPT TO for a {@link #defer deferred} address was answered 450. */
    public int deferrals(String address) {
        AtomicInteger count = deferred.get(address.toLowerCase(Locale.ROOT));
        return count == null ? 0 : count.get();
    }

    public void acceptAll() {
        rejected.clear();
        deferred.clear();
    }

    /** Keeps back the end of every message to this address (until {@link #release}): it stays on the wire. */
    public void hold(String address) {
        if (held.isEmpty()) {
            released = new CountDownLatch(1);
        }
        held.add(address.toLowerCase(Locale.ROOT));
    }

    /** Waits until a message to a held address sits on the wire, its end kept back. */
    public boolean awaitHeld(Duration timeout) throws InterruptedException {
        return holding.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Lets every held message end, and holds no more. */
    public void release() {
        held.clear();
        released.countDown();
    }

    /** Down: open connections are cut, new ones get 421 and are closed. */
    public void down(boolean down) {
        // with the acceptor's lock: a connection it is setting up is either cut here or sees the gate down
        synchronized (open) {
            this.down = down;
            if (down) {
                open.forEach(Sockets::closeQuietly);
                open.clear();
            }
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream;
                synchronized (open) {
                    if (down) {
                        client.getOutputStream().write("421 4.3.2 Service not available, try again later\r\n".getBytes(StandardCharsets.US_ASCII));
                        closeQuietly(client);
                        continue;
                    }
                    upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
                    open.add(client);
                    open.add(upstream);
                }
                OutputStream toClient = client.getOutputStream();
                start(() -> pump(upstream.getInputStream(), toClient, client, upstream));
                start(() -> relayCommands(client.getInputStream(), upstream.getOutputStream(), toClient, client, upstream));
            } catch (IOException e) {
                if (server.isClosed()) {
                    return;
                }
            }
        }
    }

    private static void start(IoTask task) {
        daemon(() -> {
            try {
                task.run();
            } catch (IOException ignored) {
                // the connection ended
            }
        }, "smtp-gate-connection");
    }

    /** Client to server, line by line, so RCPT commands can be answered here; message data passes untouched. */
    private void relayCommands(InputStream in, OutputStream upstream, OutputStream toClient, Socket a, Socket b) throws IOException {
        boolean data = false;
        boolean holdThis = false;
        try {
            for (byte[] line = readLine(in); line != null; line = readLine(in)) {
                String text = new String(line, StandardCharsets.ISO_8859_1).strip();
                if (!data) {
                    Matcher rcpt = RCPT.matcher(text);
                    if (text.regionMatches(true, 0, "MAIL FROM", 0, 9) || text.equalsIgnoreCase("RSET")) {
                        holdThis = false;
                    }
                    if (rcpt.matches() && held.contains(rcpt.group(1).toLowerCase(Locale.ROOT))) {
                        holdThis = true;
                    }
                    if (rcpt.matches() && rejected.contains(rcpt.group(1).toLowerCase(Locale.ROOT))) {
                        answer(toClient, "550 5.1.1 <" + rcpt.group(1) + ">: Recipient address rejected: User unknown");
                        continue;
                    }
                    AtomicInteger busy = rcpt.matches() ? deferred.get(rcpt.group(1).toLowerCase(Locale.ROOT)) : null;
                    if (busy != null) {
                        busy.incrementAndGet();
                        answer(toClient, "450 4.2.1 <" + rcpt.group(1) + ">: Mailbox busy, try again later");
                        continue;
                    }
                    data = text.equalsIgnoreCase("DATA");
                } else if (text.equals(".")) {
                    data = false;
                    if (holdThis) {
                        holding.release();
                        awaitRelease();
                        holdThis = false;
                    }
                }
                upstream.write(line);
                upstream.flush();
            }
        } finally {
            closeQuietly(a);
            closeQuietly(b);
        }
    }

    private void awaitRelease() {
        try {
            released.await(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void answer(OutputStream toClient, String reply) throws IOException {
        synchronized (toClient) {
            toClient.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
            toClient.flush();
        }
    }

    private static byte[] readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        for (int c = in.read(); c >= 0; c = in.read()) {
            line.write(c);
            if (c == '\n') {
                return line.toByteArray();
            }
        }
        return line.size() == 0 ? null : line.toByteArray();
    }

    @Override
    public void close() throws IOException {
        server.close();
        open.forEach(Sockets::closeQuietly);
    }

    private interface IoTask {
        void run() throws IOException;
    }
}
