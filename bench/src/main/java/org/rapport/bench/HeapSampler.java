package org.rapport.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code jstat -gc <pid> 1000} in the background: keeps the maximum used heap (S0U + S1U + EU + OU), the maximum old
 * generation and the committed heap, and writes every sample to a CSV file (seconds, used MB, old MB, committed MB).
 */
final class HeapSampler implements AutoCloseable {

    private final Process jstat;
    private final Thread reader;
    private final PrintWriter samples;
    private final long started = System.nanoTime();
    private volatile double maxUsedKb;
    private volatile double maxOldKb;
    private volatile double maxCommittedKb;
    private volatile double lastOldKb;
    private volatile double firstOldKb = Double.NaN;
    private volatile int count;

    private HeapSampler(Process jstat, Path samplesFile) throws IOException {
        this.jstat = jstat;
        this.samples = new PrintWriter(Files.newBufferedWriter(samplesFile, StandardCharsets.UTF_8), true);
        samples.println("seconds,used_mb,old_mb,committed_mb");
        this.reader = new Thread(this::read, "jstat-reader");
        reader.setDaemon(true);
        reader.start();
    }

    static HeapSampler start(long pid, Path samplesFile) throws IOException {
        Process jstat = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jstat").toString(),
                "-gc", String.valueOf(pid), "1000").redirectErrorStream(true).start();
        return new HeapSampler(jstat, samplesFile);
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(jstat.getInputStream(), StandardCharsets.UTF_8))) {
            List<String> header = null;
            String line;
            while ((line = in.readLine()) != null) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length > 0 && fields[0].equals("S0C")) {
                    header = Arrays.asList(fields);
                    continue;
                }
                if (header == null || fields.length != header.size()) {
                    continue;
                }
                double used = value(header, fields, "S0U") + value(header, fields, "S1U") + value(header, fields, "EU")
                        + value(header, fields, "OU");
                double old = value(header, fields, "OU");
                double committed = value(header, fields, "S0C") + value(header, fields, "S1C") + value(header, fields, "EC")
                        + value(header, fields, "OC");
                maxUsedKb = Math.max(maxUsedKb, used);
                maxOldKb = Math.max(maxOldKb, old);
                maxCommittedKb = Math.max(maxCommittedKb, committed);
                lastOldKb = old;
                if (Double.isNaN(firstOldKb)) {
                    firstOldKb = old;
                }
                count++;
                samples.printf("%.1f,%.1f,%.1f,%.1f%n", (System.nanoTime() - started) / 1e9, used / 1024, old / 1024,
                        committed / 1024);
            }
        } catch (IOException | RuntimeException e) {
            // jstat ended
        }
    }

    private static double value(List<String> header, String[] fields, String column) {
        int i = header.indexOf(column);
        return i < 0 ? 0 : Double.parseDouble(fields[i].replace(',', '.'));
    }

    double maxUsedMb() {
        return maxUsedKb / 1024;
    }

    double maxOldMb() {
        return maxOldKb / 1024;
    }

    double maxCommittedMb() {
        return maxCommittedKb / 1024;
    }

    /** The old generation at the first sample (before the measured work, when the caller waits a second first). */
    double firstOldMb() {
        return firstOldKb / 1024;
    }

    double lastOldMb() {
        return lastOldKb / 1024;
    }

    int samples() {
        return count;
    }

    @Override
    public void close() {
        jstat.destroy();
        try {
            if (!jstat.waitFor(10, TimeUnit.SECONDS)) {
                jstat.destroyForcibly();
            }
            reader.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        samples.close();
    }
}
