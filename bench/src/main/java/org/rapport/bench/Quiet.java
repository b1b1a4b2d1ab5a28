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
        await(max, false);
    }

    /**
     * Waits (at most {@code max}) until, for 10 s in a row, no foreign heavy process ran and, with {@code cpuToo},
     * everything outside this harness's process tree used less than {@link #DISTURBED_SHARE} of the machine's CPU.
     */
    static void await(Duration max, boolean cpuToo) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        long quietSince = System.nanoTime();
        boolean logged = false;
        while (System.nanoTime() < deadline) {
            double machine0 = machineBusySeconds();
            double ours0 = ourCpuSeconds();
            Thread.sleep(1000);
            double foreignCpu = machineBusySeconds() - machine0 - (ourCpuSeconds() - ours0);
            List<String> others = foreign();
            if (!others.isEmpty() || (cpuToo && disturbed(foreignCpu, 1.0))) {
                if (!logged) {
                    Bench.log("waiting for the machine to be quiet: other processes used %.2f CPU s in the last second; heavy ones: %s",
                            foreignCpu, others);
                    logged = true;
                }
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince >= 10_000_000_000L) {
                if (logged) {
                    Bench.log("quiet again");
                }
                return;
            }
        }
        Bench.log("WARNING: the machine is still busy after %s; measuring anyway (the figures are marked): %s", max, foreign());
    }

    /** {@link #await} when the run asked for it ({@code --wait-quiet}, set by {@code BENCH_WAIT_QUIET=1 bench/run.sh}). */
    static void awaitIfAsked(java.util.Map<String, String> options) throws InterruptedException {
        if (options.containsKey("wait-quiet")) {
            await(Duration.ofMinutes(Long.parseLong(options.getOrDefault("wait-quiet-minutes", "30"))), true);
        }
    }

    /** CPU seconds of this JVM and every process it started (service, MariaDB, GreenMail, jstat) that is still alive. */
    private static double ourCpuSeconds() {
        return ourCpu().values().stream().mapToDouble(Double::doubleValue).sum();
    }

    private static java.util.Map<Long, Double> ourCpu() {
        java.util.Map<Long, Double> cpu = new java.util.HashMap<>();
        cpu.put(ProcessHandle.current().pid(), Service.cpuSeconds(ProcessHandle.current().pid()));
        ProcessHandle.current().descendants().forEach(p -> {
            double seconds = Service.cpuSeconds(p.pid());
            if (!Double.isNaN(seconds)) {
                cpu.put(p.pid(), seconds);
            }
        });
        return cpu;
    }

    /**
     * Interference monitoring around one measurement: the CPU everything outside this harness's process tree used
     * (machine busy time from /proc/stat minus the tree's own), the foreign heavy processes seen (sampled each
     * second) and the load average at both ends. {@link #summary()} gives the fields every RESULT line carries.
     */
    static final class Monitor implements AutoCloseable {
        private final Watch watch = new Watch();
        private final long started = System.nanoTime();
        private final double machineAtStart = machineBusySeconds();
        private final java.util.Map<Long, Double> oursAtStart = ourCpu();
        private final String loadAtStart = loadAverage();
        private String summary;
        private boolean disturbed;

        /** Ends the measurement (idempotent) and returns its interference fields. */
        String summary() {
            if (summary == null) {
                double seconds = (System.nanoTime() - started) / 1e9;
                double ours = 0;
                for (var now : ourCpu().entrySet()) {
                    // a process started during the measurement: all its CPU falls in it
                    ours += now.getValue() - oursAtStart.getOrDefault(now.getKey(), 0.0);
                }
                double foreignCpu = machineBusySeconds() - machineAtStart - ours;
                watch.close();
                disturbed = !watch.seen().isEmpty() || Quiet.disturbed(foreignCpu, seconds);
                summary = String.format("foreign_cpu_s=%.1f foreign_cpu_share=%.0f%% foreign_heavy=%s load=%s->%s %s", foreignCpu,
                        100 * foreignCpu / (seconds * Runtime.getRuntime().availableProcessors()),
                        watch.seen().isEmpty() ? "none" : watch.seen().size(), loadAtStart, loadAverage(),
                        disturbed ? "DISTURBED" : "QUIET");
                if (!watch.seen().isEmpty()) {
                    Bench.log("foreign heavy processes during the measurement: %s", watch.seen());
                }
            }
            return summary;
        }

        boolean disturbed() {
            summary();
            return disturbed;
        }

        @Override
        public void close() {
            summary();
        }
    }

    /** The 1-minute load average (/proc/loadavg). */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }
}
