package org.rapport.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Keeps other work on this shared 2-core machine out of the figures: before a measurement, wait until no foreign Maven
 * build, test JVM or Payara runs; after it, tell how much CPU everything outside the benchmark's own processes used
 * meanwhile, so that a disturbed round can be repeated instead of reported.
 */
final class Quiet {

    /** Command-line fragments of the heavy processes another engineer's build starts. */
    private static final List<String> HEAVY = List.of("plexus-classworlds", "surefire", "failsafe", "payara-micro",
            "rapport-launcher.jar");

    /**
     * A round is also disturbed when everything outside the benchmark's processes used more than this share of the
     * machine's CPU time during it. Without any other build, that is 4-6 % during a service round here (the kernel's
     * loopback networking and housekeeping are not charged to the processes), so the watch below is the main test.
     */
    static final double DISTURBED_SHARE = 0.15;

    private Quiet() {
    }

    /** Busy CPU seconds of the whole machine since boot (/proc/stat: all but idle and iowait). */
    static double machineBusySeconds() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {
                if (i != 4 && i != 5) { // idle, iowait
                    busy += Long.parseLong(f[i]);
                }
            }
            return busy / (double) Service.CLOCK_TICKS;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** Whether {@code foreignCpuSeconds} over {@code seconds} of wall time is more than {@link #DISTURBED_SHARE} of the machine. */
    static boolean disturbed(double foreignCpuSeconds, double seconds) {
        return foreignCpuSeconds > DISTURBED_SHARE * seconds * Runtime.getRuntime().availableProcessors();
    }

    /** Heavy processes that are neither this JVM nor started by it. */
    static List<String> foreign() {
        Set<Long> mine = ProcessHandle.current().descendants().map(ProcessHandle::pid).collect(Collectors.toSet());
        mine.add(ProcessHandle.current().pid());
        return ProcessHandle.allProcesses()
                .filter(p -> !mine.contains(p.pid()) && !zombie(p.pid()))
                .filter(p -> p.info().commandLine().map(c -> HEAVY.stream().anyMatch(c::contains)).orElse(false))
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("?").substring(0, Math.min(100, p.info().commandLine().orElse("?").length())))
                .toList();
    }

    /** An exited process its parent has not reaped yet: it still shows its command line but uses no CPU. */
    private static boolean zombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException | RuntimeException e) {
            return true; // gone
        }
    }

    /** Notes every foreign heavy process seen (sampled each second) until closed. */
    static final class Watch implements AutoCloseable {
        private final java.util.Set<String> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        private final Thread sampler;

        Watch() {
            sampler = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    foreign().forEach(p -> seen.add(p.substring(0, Math.min(60, p.length()))));
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "quiet-watch");
            sampler.setDaemon(true);
            sampler.start();
        }

        java.util.Set<String> seen() {
            return seen;
        }

        @Override
        public void close() {
            sampler.interrupt();
        }
    }

    /** Waits (at most {@code max}) until no foreign heavy process has been seen for 10 s. */
    static void await(Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        long quietSince = System.nanoTime();
        boolean logged = false;
        while (System.nanoTime() < deadline) {
            List<String> others = foreign();
            if (!others.isEmpty()) {
                if (!logged) {
                    Bench.log("waiting for other heavy processes to end: %s", others);
                    logged = true;
                }
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince >= 10_000_000_000L) {
                if (logged) {
                    Bench.log("quiet again");
                }
                return;
            }
            Thread.sleep(1000);
        }
        Bench.log("WARNING: other heavy processes still run after %s; measuring anyway: %s", max, foreign());
    }
}
