package org.rapport.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * Requests from another loopback address (127.0.0.2, 127.0.0.3, …), so that a test can be a different client, or a
 * reverse proxy, to the shared server. Java's HTTP client cannot choose its local address, hence one plain HTTP/1.1
 * request per connection.
 */
public final class LocalPeer {

    private final InetAddress local;
    private final URI base;

    private LocalPeer(InetAddress local, URI base) {
        this.local = local;
        this.base = base;
    }

    public static LocalPeer at(String localAddress, URI base) {
        try {
            return new LocalPeer(InetAddress.getByName(localAddress), base);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The status of {@code GET path} with HTTP Basic credentials and any further headers. */
    public int get(String path, String username, String password, Map<String, String> headers) {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(local, 0));
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 10_000);
            socket.setSoTimeout(30_000);
            StringBuilder request = new StringBuilder("GET " + base.resolve(path).getRawPath() + " HTTP/1.1\r\n")
                    .append("Host: ").append(base.getHost()).append(':').append(base.getPort()).append("\r\n")
                    .append("Authorization: Basic ").append(Base64.getEncoder().encodeToString(
                            (username + ":" + password).getBytes(StandardCharsets.UTF_8))).append("\r\n")
                    .append("Connection: close\r\n");
            headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
            OutputStream out = socket.getOutputStream();
            out.write(request.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1)).readLine();
            if (statusLine == null || !statusLine.startsWith("HTTP/1.1 ")) {
                throw new IOException("No HTTP answer: " + statusLine);
            }
            return Integer.parseInt(statusLine.substring(9, 12));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
