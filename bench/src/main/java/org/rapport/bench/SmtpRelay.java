package org.rapport.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP relay in front of the sink's SMTP port that can turn into a mail server that accepts connections and
 * never answers: {@link #silent()} cuts every open connection, and from then on each new one is accepted and held open
 * without a byte, the way a hung server or a black-holing firewall behaves. {@link #pass()} relays again and closes the
 * held connections, so the clients waiting on them fail at once.
 */
final class SmtpRelay implements AutoCloseable {

    private final ServerSocket server;
    private final int upstreamPort;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile boolean silent;

    SmtpRelay(int upstreamPort) throws IOException {
        this.upstreamPort = upstreamPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "smtp-relay");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    void silent() {
        silent = true;
        closeAll();
    }

    void pass() {
        silent = false;
        closeAll();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                open.add(client);
                if (silent) {
                    continue; // held open, never answered
                }
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
                open.add(upstream);
                pump(client.getInputStream(), upstream.getOutputStream(), client, upstream);
                pump(upstream.getInputStream(), client.getOutputStream(), client, upstream);
            } catch (IOException e) {
                if (server.isClosed()) {
                    return;
                }
            }
        }
    }

    private void pump(InputStream in, OutputStream out, Socket a, Socket b) {
        Thread t = new Thread(() -> {
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
