package org.rapport.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.rapport.customers.CustomerImporter;
import org.rapport.customers.CustomerService;
import org.rapport.customers.TierService;
import org.rapport.imports.CsvImporter;
import org.rapport.imports.ImportResult;
import org.rapport.imports.RowImporter;
import org.rapport.money.ExchangeRateImporter;
import org.rapport.problems.ProblemImporter;
import org.rapport.purchases.PurchaseImporter;
import org.rapport.team.SalespersonImporter;
import org.rapport.touches.TouchService;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.rapport.team.TeamService;
import org.rapport.touches.Touch;
import org.rapport.touches.TouchKind;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.logging.Logger;

/**
 * The demo data set, loaded through the same CSV import a customer would use: a company that already uses Rapport
 * ({@link DataGenerator#history}), its tiers computed from the purchases before the first plan.
 */
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());
    public static final long SEED = 20261124L;

    @Inject
    Clock clock;

    @Inject
    CsvImporter csv;

    @Inject
    SalespersonImporter salespeople;

    @Inject
    CustomerImporter customers;

    @Inject
    PurchaseImporter purchases;

    @Inject
    ProblemImporter problems;

    @Inject
    ExchangeRateImporter exchangeRates;

    @Inject
    TouchService touches;

    @Inject
    CustomerService customerService;

    @Inject
    TeamService team;

    @Inject
    TierService tiers;

    public void loadIfEmpty() {
        if (customerService.count() > 0) {
            return;
        }
        long started = System.nanoTime();
        DataGenerator generator = new DataGenerator(SEED, DataGenerator.Size.DEMO, clock.instant());
        load(salespeople, generator::salespeople);
        load(customers, generator::customers);
        load(exchangeRates, generator::exchangeRates);
        load(purchases, generator::purchases);
        // the tiers of the purchases now, not at the first night: the first plan follows the top 10 and top 100 cadences
        tiers.recompute();
        load(problems, generator::problems);
        load(problems, generator::followUpShowcase);
        loadTouches(generator);
        LOG.info(() -> "Demo data loaded in " + (System.nanoTime() - started) / 1_000_000 + " ms");
    }

    /**
     * Touches have no CSV import of their own (they are logged, not imported); the demo stores them in bulk: the history
     * of a company that already uses Rapport, so most cadences are current and today's lists hold only a small backlog.
     */
    private void loadTouches(DataGenerator generator) {
        StringBuilder text = new StringBuilder();
        write(generator::history, text);
        Map<String, Long> salespersonIds = team.idsByExternalId();
        List<CSVRecord> records;
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text.toString()))
                .setFormat(CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
            records = parser.getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Long> customerIds = customerService.idsOf(records.stream().map(r -> r.get("customer")).collect(Collectors.toSet()));
        List<Touch> all = new ArrayList<>();
        for (CSVRecord r : records) {
            all.add(new Touch(customerIds.get(r.get("customer")), salespersonIds.get(r.get("salesperson")),
                    TouchKind.valueOf(r.get("kind")), TouchKind.Outcome.valueOf(r.get("outcome")),
                    Instant.parse(r.get("occurred_at")), r.get("note").isEmpty() ? null : r.get("note"), "demo"));
        }
        touches.recordAll(all);
    }

    private interface Csv {
        void writeTo(Appendable out) throws IOException;
    }

    private <R> void load(RowImporter<R> importer, Csv data) {
        StringBuilder text = new StringBuilder();
        write(data, text);
        ImportResult result = csv.run(new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)), importer);
        if (!result.rejected().isEmpty()) {
            LOG.warning(() -> "Demo " + importer.kind() + " rejected: " + result.rejected());
        }
    }

    private static void write(Csv data, StringBuilder out) {
        try {
            data.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
