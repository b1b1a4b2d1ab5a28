package org.rapport.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/** What the test relays ({@link TcpProxy}, {@link TlsFront}, {@link SmtpGate}) share: byte pumps and quiet closes. */
final class Sockets {

    private Sockets() {
    }

    /** Copies one way until either side closes, then closes both. */
    static void pump(Socket from, Socket to) {
        try {
            pump(from.getInputStream(), to.getOutputStream(), from, to);
        } catch (IOException ignored) {
            // one side went away
        }
    }

    /** Copies until the input ends, each write whole under the output's lock (another thread may write to it too); then closes both sockets. */
    static void pump(InputStream in, OutputStream out, Socket a, Socket b) throws IOException {
        byte[] buffer = new byte[16384];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                synchronized (out) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            }
        } finally {
            closeQuietly(a);
            closeQuietly(b);
        }
    }

    static Thread daemon(Runnable task, String name) {
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closed already
        }
    }
}
