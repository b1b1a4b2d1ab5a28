package org.rapport.bench;

import org.rapport.demo.DataGenerator;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Map;

/**
 * Writes the benchmark CSV files with the product's own {@link DataGenerator}:
 * {@code <work>/csv/<n>/salespeople.csv}, {@code customers.csv} and {@code problems.csv} and {@code touches.csv}.
 * Existing files are reused (the generator is deterministic: seed, size and "now" are fixed).
 *
 * <pre>java -cp bench/target/rapport-bench.jar org.rapport.bench.GenerateData --customers 100000 [--work bench/data]</pre>
 */
public final class GenerateData {

    private GenerateData() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = Bench.args(args);
        int customers = Integer.parseInt(options.getOrDefault("customers", "100000"));
        DataFiles files = of(Bench.workDir(options), customers);
        System.out.printf("RESULT generate customers=%d salespeople=%s customers.csv=%s (%,d bytes)%n", customers,
                files.salespeople, files.customers, Files.size(files.customers));
    }

    /** The files of one size. */
    record DataFiles(Path salespeople, Path customers, Path problems, Path touches) {
    }

    static DataFiles of(Path work, int customers) throws IOException {
        Path dir = work.resolve("csv").resolve(String.valueOf(customers));
        Files.createDirectories(dir);
        DataGenerator generator = new DataGenerator(Bench.SEED, DataGenerator.Size.benchmark(customers),
                Instant.parse(Bench.NOW));
        DataFiles files = new DataFiles(dir.resolve("salespeople.csv"), dir.resolve("customers.csv"), dir.resolve("problems.csv"),
                dir.resolve("touches.csv"));
        write(files.salespeople, generator::salespeople);
        write(files.customers, generator::customers);
        return files;
    }

    /** The problems and touches files, only for the latency benchmark's database. */
    static void writeHistory(DataFiles files, int customers) throws IOException {
        DataGenerator generator = new DataGenerator(Bench.SEED, DataGenerator.Size.benchmark(customers),
                Instant.parse(Bench.NOW));
        write(files.problems, generator::problems);
        write(files.touches, generator::touches);
    }

    /** The purchases file of one size ({@code <work>/csv/<n>/purchases.csv}), for the planning benchmark. */
    static Path purchases(Path work, int customers) throws IOException {
        Path file = work.resolve("csv").resolve(String.valueOf(customers)).resolve("purchases.csv");
        DataGenerator generator = new DataGenerator(Bench.SEED, DataGenerator.Size.benchmark(customers),
                Instant.parse(Bench.NOW));
        write(file, generator::purchases);
        return file;
    }

    /** The exchange rates into EUR of the purchases' other currencies ({@code <work>/csv/<n>/exchange-rates.csv}). */
    static Path exchangeRates(Path work, int customers) throws IOException {
        Path file = work.resolve("csv").resolve(String.valueOf(customers)).resolve("exchange-rates.csv");
        DataGenerator generator = new DataGenerator(Bench.SEED, DataGenerator.Size.benchmark(customers),
                Instant.parse(Bench.NOW));
        write(file, generator::exchangeRates);
        return file;
    }

    private interface Csv {
        void writeTo(Appendable out) throws IOException;
    }

    private static void write(Path file, Csv csv) throws IOException {
        if (Files.isRegularFile(file)) {
            return;
        }
        long started = System.nanoTime();
        Path partial = file.resolveSibling(file.getFileName() + ".part");
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(partial, StandardCharsets.UTF_8), 1 << 16)) {
            csv.writeTo(out);
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Bench.log("wrote %s (%,d bytes) in %s", file, Files.size(file), Bench.seconds(System.nanoTime() - started));
    }
}
