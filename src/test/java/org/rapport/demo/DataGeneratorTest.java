package org.rapport.demo;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DataGeneratorTest {

    private static final long SEED = 20261124L;
    /** Far from today on purpose: every date must come from this, not from the system clock. */
    private static final Instant NOW = Instant.parse("2031-03-15T09:30:15.250Z");

    private static final List<String> TAXONOMY = List.of("accounting", "legal", "it-services", "software",
            "cloud-hosting", "cybersecurity", "marketing", "web-design", "printing", "packaging", "logistics",
            "warehousing", "office-supplies", "furniture", "cleaning", "facility-management", "catering", "travel",
            "recruiting", "training", "insurance", "banking", "real-estate", "construction", "electrical", "hvac",
            "machinery", "raw-materials", "electronics", "telecom", "energy", "waste-management", "translation",
            "photography", "events", "consulting", "data-analytics", "hr-payroll", "security-services", "fleet",
            "billing", "delivery", "product-quality", "support");

    private static final Pattern DECIMAL = Pattern.compile("\\d+\\.\\d\\d");
    private static final Pattern INSTANT_IN_SECONDS = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    /** The outcomes that fit each kind of touch. */
    private static final Map<String, Set<String>> OUTCOMES = Map.of(
            "CALL", Set.of("REACHED", "VOICEMAIL", "NO_ANSWER"),
            "VISIT", Set.of("REACHED"),
            "EMAIL", Set.of("SENT"),
            "NOTE", Set.of("NOTED"));

    private DataSet demo;
    private DataSet benchmark;

    @BeforeAll
    void generate() {
        demo = DataSet.of(new DataGenerator(SEED, DataGenerator.Size.DEMO, NOW));
        benchmark = DataSet.of(new DataGenerator(SEED, DataGenerator.Size.benchmark(5_000), NOW));
    }

    @Test
    void sameSeedSizeAndNowProduceIdenticalFiles() {
        // given the same arguments as the demo data set
        DataSet again = DataSet.of(new DataGenerator(SEED, DataGenerator.Size.DEMO, NOW));

        // then every file is identical, character for character
        assertAll(
                () -> assertEquals(demo.salespeopleCsv(), again.salespeopleCsv()),
                () -> assertEquals(demo.customersCsv(), again.customersCsv()),
                () -> assertEquals(demo.purchasesCsv(), again.purchasesCsv()),
                () -> assertEquals(demo.problemsCsv(), again.problemsCsv()),
                () -> assertEquals(demo.touchesCsv(), again.touchesCsv()),
                () -> assertEquals(write(new DataGenerator(SEED, DataGenerator.Size.DEMO, NOW)::history),
                        write(new DataGenerator(SEED, DataGenerator.Size.DEMO, NOW)::history)));
    }

    @Test
    void differentSeedProducesDifferentData() {
        // given another seed
        DataSet other = DataSet.of(new DataGenerator(SEED + 1, DataGenerator.Size.DEMO, NOW));

        // then the data differ
        assertAll(
                () -> assertNotEquals(demo.salespeopleCsv(), other.salespeopleCsv()),
                () -> assertNotEquals(demo.customersCsv(), other.customersCsv()),
                () -> assertNotEquals(demo.purchasesCsv(), other.purchasesCsv()),
                () -> assertNotEquals(demo.touchesCsv(), other.touchesCsv()));
    }

    @Test
    void eachFileStartsWithItsDocumentedHeaderRow() {
        assertAll(
                () -> assertEquals("external_id,name,email,time_zone,region,daily_capacity,working_days,role,manager,"
                        + "backup", firstLine(demo.salespeopleCsv())),
                () -> assertEquals("external_id,company,contact_first_name,contact_last_name,preferred_name,email,"
                        + "phone,time_zone,locale,region,industry,offers,needs,owner,tier,customer_since,"
                        + "annual_revenue,email_ok,intro_ok,do_not_contact,preferences,personal_notes",
                        firstLine(demo.customersCsv())),
                () -> assertEquals("external_id,customer,purchased_on,amount,currency,description",
                        firstLine(demo.purchasesCsv())),
                () -> assertEquals("external_id,customer,opened_at,resolved_at,severity,category,summary,resolution",
                        firstLine(demo.problemsCsv())),
                () -> assertEquals("customer,salesperson,kind,outcome,occurred_at,note", firstLine(demo.touchesCsv())));
    }

    @Test
    void everyRecordParsesBackWithTheHeadersNumberOfFields() {
        for (DataSet data : List.of(demo, benchmark)) {
            for (Parsed file : data.all()) {
                for (CSVRecord record : file.records()) {
                    assertTrue(record.isConsistent(), () -> "record " + record.getRecordNumber() + ": " + record);
                    assertEquals(file.header().size(), record.size());
                }
            }
        }
    }

    @Test
    void quotesCommasAndLineBreaksSurviveTheRoundTrip() {
        // when the 5,000 customers are parsed back
        List<CSVRecord> customers = benchmark.customers().records();

        // then company names with commas and quotes, and multi-line notes, come back whole
        assertTrue(customers.stream().map(c -> c.get("company")).anyMatch(c -> c.contains(",") && c.contains("\"")),
                "a company like Smith, Jones & \"Partners\"");
        assertTrue(customers.stream().map(c -> c.get("personal_notes")).anyMatch(n -> n.contains("\n")),
                "a multi-line personal note");
        assertEquals(5_000, customers.size());
    }

    @Test
    void everyOfferNeedAndProblemCategoryIsATaxonomyCodeOfTheMigration() throws IOException {
        // given the codes inserted by the migration
        Set<String> migrated = new HashSet<>();
        Matcher code = Pattern.compile("\\('([a-z-]+)',").matcher(Files.readString(Path.of("sql/V3__taxonomy.sql")));
        while (code.find()) {
            migrated.add(code.group(1));
        }

        // when collecting every code used
        Set<String> used = new HashSet<>();
        for (CSVRecord customer : benchmark.customers().records()) {
            List<String> offers = List.of(customer.get("offers").split(";"));
            List<String> needs = List.of(customer.get("needs").split(";"));
            assertTrue(offers.size() >= 1 && offers.size() <= 3, customer::toString);
            assertTrue(needs.size() >= 1 && needs.size() <= 3, customer::toString);
            assertTrue(offers.stream().noneMatch(needs::contains), () -> "offers and needs overlap: " + customer);
            used.addAll(offers);
            used.addAll(needs);
        }
        benchmark.problems().records().forEach(problem -> used.add(problem.get("category")));

        // then each is in the taxonomy and in the migration
        assertTrue(TAXONOMY.containsAll(used), () -> "not in the taxonomy: " + difference(used, TAXONOMY));
        assertTrue(migrated.containsAll(used), () -> "not in V3__taxonomy.sql: " + difference(used, migrated));
    }

    /** Tiers and thank-you notes count in EUR: a demo purchase without a rate would count nothing. */
    @Test
    void everyDemoPurchaseConvertsIntoEuroAtTheRateOfItsDate() {
        DataGenerator generator = new DataGenerator(SEED, DataGenerator.Size.DEMO, NOW);
        List<org.rapport.money.ExchangeRate> rates = Parsed.of(write(generator::exchangeRates)).records().stream()
                .map(r -> new org.rapport.money.ExchangeRate(r.get("currency"), java.time.LocalDate.parse(r.get("valid_from")),
                        new java.math.BigDecimal(r.get("rate")))).toList();
        org.rapport.money.ExchangeRates euro = new org.rapport.money.ExchangeRates("EUR", rates);
        for (CSVRecord purchase : demo.purchases().records()) {
            assertTrue(euro.inCompanyCurrency(new java.math.BigDecimal(purchase.get("amount")), purchase.get("currency"),
                    java.time.LocalDate.parse(purchase.get("purchased_on"))).isPresent(), purchase.toString());
        }
        assertTrue(demo.purchases().records().stream().anyMatch(p -> !p.get("currency").equals("EUR")), "some are not in EUR");
    }

    @Test
    void customersAreOwnedBySalesPeopleOnlyAndEveryOneHasSome() {
        for (DataSet data : List.of(demo, benchmark)) {
            // given the roles of the salespeople
            Map<String, String> roles = data.salespeople().index("external_id", r -> r.get("role"));

            // then every owner is a SALES person, and every SALES person owns customers
            Set<String> owners = new HashSet<>();
            for (CSVRecord customer : data.customers().records()) {
                assertEquals("SALES", roles.get(customer.get("owner")), customer::toString);
                owners.add(customer.get("owner"));
            }
            roles.forEach((id, role) -> assertEquals("SALES".equals(role), owners.contains(id), id));
        }
    }

    @Test
    void everyTenthSalespersonManagesTheGroupAndBackupsAreColleagues() {
        // given the 12 demo salespeople
        Map<String, CSVRecord> byId = demo.salespeople().index("external_id", Function.identity());
        assertEquals(12, byId.size());

        for (CSVRecord person : demo.salespeople().records()) {
            int number = Integer.parseInt(person.get("external_id").substring(1));
            String manager = DataGenerator.salespersonId((number - 1) / 10 * 10 + 1);
            if (number % 10 == 1) {
                // then managers head the group and report to no one
                assertEquals("MANAGER", person.get("role"));
                assertEquals("", person.get("manager"));
            } else {
                // and the others report to their group's manager, backed up by another SALES person of it
                assertEquals("SALES", person.get("role"));
                assertEquals(manager, person.get("manager"));
                String backup = person.get("backup");
                if (!backup.isEmpty()) {
                    assertNotEquals(person.get("external_id"), backup);
                    assertEquals("SALES", byId.get(backup).get("role"));
                    assertEquals(manager, byId.get(backup).get("manager"));
                }
            }
        }
        // S0012 is alone in its group
        assertEquals("", byId.get("S0012").get("backup"));
        assertEquals("S0003", byId.get("S0002").get("backup"));
    }

    @Test
    void salespeopleHaveUniqueAsciiEmailsAndSensibleWorkingWeeks() {
        Set<String> emails = new HashSet<>();
        for (CSVRecord person : benchmark.salespeople().records()) {
            assertTrue(person.get("email").matches("[a-z0-9.]+@rapport\\.example"), person::toString);
            assertTrue(emails.add(person.get("email")), person::toString);
            assertTrue(Set.of("MON-FRI", "MON-THU", "SUN-THU").contains(person.get("working_days")));
            assertTrue(Set.of("15", "20", "25").contains(person.get("daily_capacity")));
        }
    }

    @Test
    void timeZonesAreRealAndLocalesWellFormed() {
        for (DataSet data : List.of(demo, benchmark)) {
            for (Parsed file : List.of(data.salespeople(), data.customers())) {
                for (CSVRecord record : file.records()) {
                    ZoneId.of(record.get("time_zone"));
                    assertTrue(record.get("region").matches("[A-Z]{2}(-[A-Z]{2,3})?"), record::toString);
                }
            }
            for (CSVRecord customer : data.customers().records()) {
                String locale = customer.get("locale");
                assertEquals(locale, Locale.forLanguageTag(locale).toLanguageTag());
            }
        }
    }

    @Test
    void customerRowsHaveValidValues() {
        Set<String> emails = new HashSet<>();
        LocalDate today = LocalDate.ofInstant(NOW, ZoneOffset.UTC);
        for (CSVRecord customer : benchmark.customers().records()) {
            assertTrue(emails.add(customer.get("email")), () -> "duplicate email: " + customer);
            assertTrue(customer.get("phone").matches("\\+\\d{1,3}( \\d+)+"), customer::toString);
            assertTrue(DECIMAL.matcher(customer.get("annual_revenue")).matches(), customer::toString);
            assertTrue(Set.of("", "TOP10").contains(customer.get("tier")));
            for (String flag : List.of("email_ok", "intro_ok", "do_not_contact")) {
                assertTrue(Set.of("true", "false").contains(customer.get(flag)), customer::toString);
            }
            LocalDate since = LocalDate.parse(customer.get("customer_since"));
            assertFalse(since.isAfter(today.minusDays(365)), customer::toString);
            assertFalse(since.isBefore(today.minusDays(20 * 365)), customer::toString);
        }
    }

    @Test
    void namesIncludeNonAsciiCharacters() {
        // given the contact names of both data sets
        List<String> names = new ArrayList<>();
        for (DataSet data : List.of(demo, benchmark)) {
            for (CSVRecord customer : data.customers().records()) {
                names.add(customer.get("contact_first_name") + " " + customer.get("contact_last_name"));
            }
        }

        // then there are accented, Japanese and Cyrillic ones, even in the small demo

        assertTrue(names.stream().anyMatch(n -> n.matches(".*[À-ž].*")), "accented Latin names");
        assertTrue(names.stream().anyMatch(n -> n.matches(".*\\p{IsHan}.*")), "Japanese names");
        assertTrue(names.stream().anyMatch(n -> n.matches(".*\\p{IsCyrillic}.*")), "Cyrillic names");
        assertTrue(demo.customers().records().stream()
                        .anyMatch(c -> !c.get("contact_last_name").matches("\\p{ASCII}*")),
                "non-ASCII names in the demo too");
    }

    @Test
    void purchasesProblemsAndTouchesBelongToExistingCustomersAndAgreeWithThem() {
        for (DataSet data : List.of(demo, benchmark)) {
            // given each customer's owner and, for currencies, region
            Map<String, String> owners = data.customers().index("external_id", c -> c.get("owner"));
            Map<String, String> currencies = new HashMap<>();
            Set<String> ids = new HashSet<>();

            for (CSVRecord purchase : data.purchases().records()) {
                assertTrue(owners.containsKey(purchase.get("customer")), purchase::toString);
                assertTrue(ids.add(purchase.get("external_id")), purchase::toString);
                assertTrue(purchase.get("external_id").startsWith("P" + purchase.get("customer").substring(1) + "-"));
                assertTrue(DECIMAL.matcher(purchase.get("amount")).matches(), purchase::toString);
                // then one customer pays in one currency
                String earlier = currencies.putIfAbsent(purchase.get("customer"), purchase.get("currency"));
                assertTrue(earlier == null || earlier.equals(purchase.get("currency")), purchase::toString);
            }
            for (CSVRecord problem : data.problems().records()) {
                assertTrue(owners.containsKey(problem.get("customer")), problem::toString);
                assertTrue(ids.add(problem.get("external_id")), problem::toString);
                assertTrue(Set.of("LOW", "MEDIUM", "HIGH", "CRITICAL").contains(problem.get("severity")));
                assertFalse(problem.get("summary").isEmpty());
                assertEquals(problem.get("resolved_at").isEmpty(), problem.get("resolution").isEmpty());
            }
            for (CSVRecord touch : data.touches().records()) {
                // and touches are by the customer's owner, with an outcome that fits the kind
                assertEquals(owners.get(touch.get("customer")), touch.get("salesperson"), touch::toString);
                assertTrue(OUTCOMES.getOrDefault(touch.get("kind"), Set.of()).contains(touch.get("outcome")),
                        touch::toString);
            }
        }
    }

    @Test
    void timesLieWithinTheirWindowsBeforeTheGivenNow() {
        LocalDate today = LocalDate.ofInstant(NOW, ZoneOffset.UTC);
        int resolved = 0;
        for (CSVRecord purchase : benchmark.purchases().records()) {
            LocalDate on = LocalDate.parse(purchase.get("purchased_on"));
            assertTrue(on.isBefore(today) && !on.isBefore(today.minusYears(3)), purchase::toString);
        }
        for (CSVRecord problem : benchmark.problems().records()) {
            assertTrue(INSTANT_IN_SECONDS.matcher(problem.get("opened_at")).matches(), problem::toString);
            Instant opened = Instant.parse(problem.get("opened_at"));
            assertTrue(opened.isBefore(NOW) && opened.isAfter(NOW.minus(Duration.ofDays(120))), problem::toString);
            if (!problem.get("resolved_at").isEmpty()) {
                resolved++;
                Instant at = Instant.parse(problem.get("resolved_at"));
                assertTrue(at.isAfter(opened) && at.isBefore(NOW), problem::toString);
            }
        }
        for (CSVRecord touch : benchmark.touches().records()) {
            Instant at = Instant.parse(touch.get("occurred_at"));
            assertTrue(at.isBefore(NOW) && at.isAfter(NOW.minus(Duration.ofDays(365))), touch::toString);
            assertTrue(INSTANT_IN_SECONDS.matcher(touch.get("occurred_at")).matches(), touch::toString);
        }
        // about 85 % of the problems are resolved
        double share = resolved / (double) benchmark.problems().records().size();
        assertTrue(share > 0.75 && share < 0.92, "resolved share " + share);
    }

    @Test
    void volumesFollowTheSize() {
        // 5,000 customers: 3 purchases, 10 problems per 100 and 10 touches each on average
        assertEquals(10, benchmark.salespeople().records().size());
        assertBetween(15_000 * 0.9, 15_000 * 1.1, benchmark.purchases().records().size());
        assertBetween(500 * 0.8, 500 * 1.2, benchmark.problems().records().size());
        assertBetween(50_000 * 0.95, 50_000 * 1.05, benchmark.touches().records().size());
    }

    @Test
    void idsAreZeroPaddedAndStartAtOne() {
        assertEquals("S0001", DataGenerator.salespersonId(1));
        assertEquals("S12345", DataGenerator.salespersonId(12_345));
        assertEquals("C0000001", DataGenerator.customerId(1));
        assertEquals("C1000000", DataGenerator.customerId(1_000_000));
        assertThrows(IllegalArgumentException.class, () -> DataGenerator.customerId(0));
    }

    @Test
    void benchmarkSizeScalesSalespeopleWithCustomers() {
        assertEquals(new DataGenerator.Size(2_000, 1_000_000, 3, 10, 10), DataGenerator.Size.benchmark(1_000_000));
        assertEquals(10, DataGenerator.Size.benchmark(100).salespeople());
        assertThrows(IllegalArgumentException.class, () -> new DataGenerator.Size(1, 10, 1, 1, 1));
    }

    @Test
    void theDemoSalespersonHasProblemsResolvedOneAndThreeDaysAgoAndNoConversationSince() {
        // given the demo's follow-up showcase and its history of touches
        DataGenerator generator = new DataGenerator(SEED, DataGenerator.Size.DEMO, NOW);
        List<CSVRecord> showcase = Parsed.of(write(generator::followUpShowcase)).records();
        List<CSVRecord> history = Parsed.of(write(generator::history)).records();

        // then two problems, of reachable customers of S0002, resolved one and three days before now, with no touch after
        assertEquals(2, showcase.size());
        for (int k = 0; k < 2; k++) {
            CSVRecord problem = showcase.get(k);
            CSVRecord customer = demo.customers().records().stream().filter(c -> c.get("external_id").equals(problem.get("customer")))
                    .findFirst().orElseThrow();
            Instant resolved = Instant.parse(problem.get("resolved_at"));
            long daysAgo = k == 0 ? 1 : 3;
            assertAll(
                    () -> assertEquals(DataGenerator.salespersonId(DataGenerator.SHOWCASE_SALESPERSON), customer.get("owner")),
                    () -> assertEquals("false", customer.get("do_not_contact")),
                    () -> assertEquals(NOW.getEpochSecond() - daysAgo * 86_400, resolved.getEpochSecond()),
                    () -> assertTrue(TAXONOMY.contains(problem.get("category"))),
                    () -> assertTrue(history.stream().filter(t -> t.get("customer").equals(customer.get("external_id")))
                            .allMatch(t -> Instant.parse(t.get("occurred_at")).isBefore(resolved)), "no conversation since"));
        }
    }

    /** The demo is a company that already uses Rapport: every reachable customer's last touch is a conversation. */
    @Test
    void theDemoHistoryEndsWithAConversationWithEveryReachableCustomer() {
        List<CSVRecord> history = Parsed.of(write(new DataGenerator(SEED, DataGenerator.Size.DEMO, NOW)::history)).records();
        Map<String, CSVRecord> last = new HashMap<>();
        for (CSVRecord touch : history) {
            Instant at = Instant.parse(touch.get("occurred_at"));
            assertTrue(at.isBefore(NOW) && at.isAfter(NOW.minus(Duration.ofDays(365))), touch::toString);
            assertTrue(OUTCOMES.getOrDefault(touch.get("kind"), Set.of()).contains(touch.get("outcome")), touch::toString);
            last.merge(touch.get("customer"), touch, (a, b) -> Instant.parse(a.get("occurred_at")).isAfter(Instant.parse(b.get("occurred_at"))) ? a : b);
        }
        Map<String, String> owners = demo.customers().index("external_id", c -> c.get("owner"));
        for (CSVRecord customer : demo.customers().records()) {
            CSVRecord touch = last.get(customer.get("external_id"));
            if (customer.get("do_not_contact").equals("false")) {
                assertTrue(touch != null && touch.get("outcome").equals("REACHED"), customer::toString);
                assertEquals(owners.get(customer.get("external_id")), touch.get("salesperson"));
            } else {
                assertTrue(touch == null || touch.get("kind").equals("NOTE"), customer::toString);
            }
        }
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private static void assertBetween(double low, double high, int actual) {
        assertTrue(actual >= low && actual <= high, actual + " not in [" + low + ", " + high + "]");
    }

    private static String firstLine(String csv) {
        return csv.substring(0, csv.indexOf('\n'));
    }

    private static Set<String> difference(Set<String> all, Collection<String> known) {
        Set<String> unknown = new HashSet<>(all);
        unknown.removeAll(known);
        return unknown;
    }

    private interface Writer {
        void writeTo(Appendable out) throws IOException;
    }

    private static String write(Writer writer) {
        StringBuilder out = new StringBuilder();
        try {
            writer.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** One file parsed back with commons-csv, as the importer reads it. */
    private record Parsed(List<String> header, List<CSVRecord> records) {
        static Parsed of(String csv) {
            CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
            try (CSVParser parser = CSVParser.builder().setReader(new StringReader(csv)).setFormat(format).get()) {
                return new Parsed(parser.getHeaderNames(), parser.getRecords());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        <V> Map<String, V> index(String key, Function<CSVRecord, V> value) {
            Map<String, V> index = new HashMap<>();
            records.forEach(r -> assertNull(index.put(r.get(key), value.apply(r)), "duplicate " + r));
            return index;
        }
    }

    private record DataSet(String salespeopleCsv, String customersCsv, String purchasesCsv, String problemsCsv,
            String touchesCsv, Parsed salespeople, Parsed customers, Parsed purchases, Parsed problems,
            Parsed touches) {

        static DataSet of(DataGenerator generator) {
            String salespeople = write(generator::salespeople);
            String customers = write(generator::customers);
            String purchases = write(generator::purchases);
            String problems = write(generator::problems);
            String touches = write(generator::touches);
            return new DataSet(salespeople, customers, purchases, problems, touches, Parsed.of(salespeople),
                    Parsed.of(customers), Parsed.of(purchases), Parsed.of(problems), Parsed.of(touches));
        }

        List<Parsed> all() {
            return List.of(salespeople, customers, purchases, problems, touches);
        }
    }
}
