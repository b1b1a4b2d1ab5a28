package org.rapport.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.rapport.testing.Sockets.daemon;
import static org.rapport.testing.Sockets.pump;

/**
 * A loopback TCP relay to another port, for a server that must go away in the middle of a test: {@link #cut()} closes
 * every connection and stops accepting, as a database host that drops off the network would.
 */
public final class TcpProxy implements AutoCloseable {

    private final ServerSocket server;
    private final int upstreamPort;
    private final CopyOnWriteArrayList<Socket> open = new CopyOnWriteArrayList<>();

    public TcpProxy(int upstreamPort) throws IOException {
        this.upstreamPort = upstreamPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        daemon(this::accept, "tcp-proxy");
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Closes every connection and the listening socket: from now on connections are refused. */
    public void cut() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closed already
        }
        open.forEach(Sockets::closeQuietly);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket();
                upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), upstreamPort));
                open.add(client);
                open.add(upstream);
                daemon(() -> pump(client, upstream), "tcp-proxy-up");
                daemon(() -> pump(upstream, client), "tcp-proxy-down");
            } catch (IOException e) {
                // the listening socket was closed (cut), or the upstream refused: the client sees a closed connection
            }
        }
    }

    @Override
    public void close() {
        cut();
    }
}
