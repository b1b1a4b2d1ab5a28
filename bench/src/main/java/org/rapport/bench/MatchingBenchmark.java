package org.rapport.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Benchmark 7 (issue 10): the introduction matcher, pure Java, no server. Per size a fresh JVM at {@code -Xmx512m}
 * (GC log in {@code <work>/matching/gc-<n>.log}) runs {@link MatchingRun}: synthetic customers over 200 categories,
 * top 5 suggestions for every customer, proposals under the caps; its figures (seconds against the target, candidate
 * pairs against N², heap) come back as one {@code RESULT matching …} line with the interference fields. Then, at
 * {@code --quality-size} customers, the same run once more with the bound lifted ({@code --bound 100000}), to show what
 * the bound costs in proposals and score.
 *
 * <pre>java -cp bench/target/rapport-bench.jar org.rapport.bench.MatchingBenchmark [--sizes 100000,1000000]
 *      [--xmx 512m] [--quality-size 20000] [--work bench/data]</pre>
 */
public final class MatchingBenchmark {

    private static final Pattern SECONDS = Pattern.compile("\\bseconds=([0-9.]+)");
    private static final Pattern TARGET = Pattern.compile("\\btarget_s=([0-9.]+)");

    private MatchingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Bench.args(args);
        Path work = Bench.workDir(options).resolve("matching");
        Files.createDirectories(work);
        String xmx = options.getOrDefault("xmx", "512m");
        List<String> results = new ArrayList<>();
        for (String size : options.getOrDefault("sizes", "100000,1000000").split(",")) {
            results.add(run(work, xmx, Integer.parseInt(size.strip()), null, "matching", options));
        }
        int quality = Integer.parseInt(options.getOrDefault("quality-size", "20000"));
        if (quality > 0) {
            results.add(run(work, xmx, quality, null, "matching-quality", options));
            results.add(run(work, xmx, quality, 100_000, "matching-quality", options));
        }
        System.out.println();
        results.forEach(System.out::println);
    }

    /** One size in a fresh JVM; returns its RESULT line ({@code label}: matching, with the verdict, or matching-quality). */
    private static String run(Path work, String xmx, int customers, Integer bound, String label, Map<String, String> options)
            throws Exception {
        Quiet.awaitIfAsked(options);
        String tag = customers + (bound == null ? "" : "-bound" + bound);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + xmx, "-Xlog:gc:file=" + work.resolve("gc-" + tag + ".log"),
                "-cp", System.getProperty("java.class.path"), MatchingRun.class.getName(), "--customers",
                String.valueOf(customers), "--hold"));
        if (bound != null) {
            command.addAll(List.of("--bound", String.valueOf(bound)));
        }
        Bench.log("matching %,d customers in a fresh JVM at -Xmx%s%s", customers, xmx, bound == null ? "" : ", bound " + bound);
        String figures = null;
        String interference = null;
        try (Quiet.Monitor monitor = new Quiet.Monitor()) {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith("MATCHING ")) {
                        figures = line.substring("MATCHING ".length());
                        // while the run's JVM is still alive, so that its CPU counts as the harness's own
                        interference = monitor.summary();
                        process.getOutputStream().close(); // let it end (--hold)
                    } else {
                        System.out.println("  | " + line);
                    }
                }
            } finally {
                if (!process.waitFor(30, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                }
            }
            if (interference == null) {
                interference = monitor.summary();
            }
            if (figures == null || process.exitValue() != 0) {
                String line = "RESULT " + label + " customers=" + customers + " FAILED exit=" + process.exitValue() + " "
                        + interference;
                System.out.println(line);
                return line;
            }
            double seconds = Double.parseDouble(SECONDS.matcher(figures).results().findFirst().orElseThrow().group(1));
            double target = Double.parseDouble(TARGET.matcher(figures).results().findFirst().orElseThrow().group(1));
            String verdict = label.equals("matching") ? (seconds < target ? " MET" : " MISSED") : "";
            String line = "RESULT " + label + " " + figures + verdict + " " + interference;
            System.out.println(line);
            return line;
        }
    }
}
