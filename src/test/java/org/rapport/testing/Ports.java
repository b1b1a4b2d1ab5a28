package org.rapport.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ports for servers the tests start in other processes or a moment later. A port from {@code new ServerSocket(0)} is
 * only free until it is closed: the kernel hands the same ephemeral ports to every connection and bind of the other
 * tests running alongside, so an instance that bound it three seconds later died with "Address already in use" (seen
 * once in CI). These ports come from below the kernel's ephemeral range, which nothing takes unasked, and each only
 * once per test JVM.
 */
public final class Ports {

    private static final int LOWEST = 20000;
    private static final int BELOW = ephemeralRangeStart();
    private static final AtomicInteger NEXT = new AtomicInteger(LOWEST + ThreadLocalRandom.current().nextInt(BELOW - LOWEST));

    private Ports() {
    }

    /** A port on 127.0.0.1 that is free now and that no other caller in this JVM has been given. */
    public static int free() {
        for (int tries = 0; tries < BELOW - LOWEST; tries++) {
            int port = LOWEST + Math.floorMod(NEXT.getAndIncrement() - LOWEST, BELOW - LOWEST);
            try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return probe.getLocalPort();
            } catch (IOException inUse) {
                // taken: the next one
            }
        }
        throw new UncheckedIOException(new IOException("no free port between " + LOWEST + " and " + BELOW));
    }

    private static int ephemeralRangeStart() {
        try {
            int start = Integer.parseInt(Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim().split("\\s+")[0]);
            return start > LOWEST + 1000 ? start : 32768;
        } catch (IOException | RuntimeException e) {
            return 32768; // Linux's default
        }
    }
}
