package org.rapport.demo;

import java.io.IOException;
import java.text.Normalizer;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.rapport.customers.Tier;

/**
 * Writes realistic, reproducible demo and benchmark data as CSV in the import format (SPEC "Public interface").
 *
 * <p>Every row is a pure function of (seed, size, now, row number): row i draws from its own random stream.
 * So nothing is kept from one row to the next (a million customers need no more memory than 400), the output is
 * identical for identical arguments, and the purchases, problems and touches of customer i agree with customer i
 * (owner, place, currency, customer-since) without remembering it. Only {@link #salespeople} keeps a set, of
 * e-mail addresses, to keep them unique; there are few salespeople. {@link #history} (the demo's touches) ranks every
 * customer's purchases once to know the tiers, an array of the customer count; the benchmarks use {@link #touches}.
 *
 * <p>Salespeople come in groups of ten headed by a {@code MANAGER} (numbers 1, 11, 21, …); customers are owned by
 * {@code SALES} people only. "Now" is the constructor argument, never the system clock.
 */
public final class DataGenerator {

    /** How much to generate. Counts per customer are averages; each customer gets a varying number. */
    public record Size(int salespeople, int customers, int purchasesPerCustomer, int problemsPerHundredCustomers,
            int touchesPerCustomer) {

        /** The demo: a team of ten and a second, small one; 400 customers. */
        public static final Size DEMO = new Size(12, 400, 4, 30, 5);

        public Size {
            if (salespeople < 2) {
                throw new IllegalArgumentException("salespeople must be at least 2 (a manager and one salesperson)");
            }
            if (customers < 0 || purchasesPerCustomer < 0 || problemsPerHundredCustomers < 0
                    || touchesPerCustomer < 0) {
                throw new IllegalArgumentException("counts must not be negative");
            }
            if (purchasesPerCustomer > 1000 || problemsPerHundredCustomers > 1000 || touchesPerCustomer > 1000) {
                throw new IllegalArgumentException(
                        "at most 1000 purchases and touches per customer, and problems per hundred customers");
            }
        }

        /**
         * For benchmarks: n customers, n/500 salespeople (at least 10), 3 purchases, 10 problems per 100,
         * 10 touches each.
         */
        public static Size benchmark(int customers) {
            return new Size(Math.max(10, customers / 500), customers, 3, 10, 10);
        }
    }

    private static final CSVFormat SALESPEOPLE = format("external_id", "name", "email", "time_zone", "region",
            "daily_capacity", "working_days", "role", "manager", "backup");
    private static final CSVFormat CUSTOMERS = format("external_id", "company", "contact_first_name",
            "contact_last_name", "preferred_name", "email", "phone", "time_zone", "locale", "region", "industry",
            "offers", "needs", "owner", "tier", "customer_since", "annual_revenue", "email_ok", "intro_ok",
            "do_not_contact", "preferences", "personal_notes");
    private static final CSVFormat PURCHASES = format("external_id", "customer", "purchased_on", "amount", "currency",
            "description");
    private static final CSVFormat EXCHANGE_RATES = format("currency", "valid_from", "rate");
    private static final CSVFormat PROBLEMS = format("external_id", "customer", "opened_at", "resolved_at", "severity",
            "category", "summary", "resolution");
    private static final CSVFormat TOUCHES = format("customer", "salesperson", "kind", "outcome", "occurred_at",
            "note");

    /** The category codes of sql/V3__taxonomy.sql, the only valid offers, needs and problem categories. */
    private static final List<String> TAXONOMY = List.of("accounting", "legal", "it-services", "software",
            "cloud-hosting", "cybersecurity", "marketing", "web-design", "printing", "packaging", "logistics",
            "warehousing", "office-supplies", "furniture", "cleaning", "facility-management", "catering", "travel",
            "recruiting", "training", "insurance", "banking", "real-estate", "construction", "electrical", "hvac",
            "machinery", "raw-materials", "electronics", "telecom", "energy", "waste-management", "translation",
            "photography", "events", "consulting", "data-analytics", "hr-payroll", "security-services", "fleet",
            "billing", "delivery", "product-quality", "support");
    /** What a business offers or needs: the taxonomy without the codes that only describe complaints. */
    private static final List<String> TRADES = TAXONOMY.stream()
            .filter(code -> !List.of("billing", "delivery", "product-quality", "support").contains(code))
            .toList();

    // One random stream per kind of row, so a new draw in one kind never shifts the others.
    private static final long SALESPERSON = 1;
    private static final long SALESPERSON_PLACE = 2;
    private static final long CUSTOMER_CORE = 3;
    private static final long CUSTOMER = 4;
    private static final long PURCHASE = 5;
    private static final long PROBLEM = 6;
    private static final long TOUCH = 7;
    private static final long HISTORY = 8;

    private static final long DAY_SECONDS = 86_400;

    private final long seed;
    private final Size size;
    private final Instant now;
    /** Now without fractions of a second, so that generated instants print as 2025-01-31T09:15:00Z. */
    private final Instant nowSeconds;
    private final LocalDate today;
    /** Today's date in each place: local dates keep touches on local business days and never after now. */
    private final Map<Place, LocalDate> localToday = new EnumMap<>(Place.class);

    public DataGenerator(long seed, Size size, Instant now) {
        this.seed = seed;
        this.size = Objects.requireNonNull(size, "size");
        this.now = Objects.requireNonNull(now, "now");
        this.nowSeconds = now.truncatedTo(ChronoUnit.SECONDS);
        this.today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        for (Place place : Place.values()) {
            localToday.put(place, LocalDate.ofInstant(now, place.zone));
        }
    }

    public Size size() {
        return size;
    }

    /** "S0001", "S0002", …; more digits from 10,000 on. */
    public static String salespersonId(int i) {
        return padded("S", i, 4);
    }

    /** "C0000001", "C0000002", …. */
    public static String customerId(int i) {
        return padded("C", i, 7);
    }

    /** Writes the salespeople file: groups of ten, each headed by a MANAGER. Flushes {@code out}, does not close it. */
    public void salespeople(Appendable out) throws IOException {
        CSVPrinter csv = new CSVPrinter(out, SALESPEOPLE);
        Set<String> emails = new HashSet<>();
        for (int i = 1; i <= size.salespeople(); i++) {
            SplittableRandom r = random(SALESPERSON, i);
            Place place = placeOfSalesperson(i);
            Person person = place.culture(r).person(r);
            boolean manager = isManager(i);
            int roll = r.nextInt(100);
            int capacity = roll < 70 ? 20 : roll < 85 ? 15 : 25;
            String workingDays = place.sundayToThursday ? "SUN-THU" : r.nextInt(100) < 12 ? "MON-THU" : "MON-FRI";
            csv.printRecord(salespersonId(i), person.fullName(), salespersonEmail(person, i, emails),
                    place.zone.getId(), place.region, capacity, workingDays, manager ? "MANAGER" : "SALES",
                    manager ? "" : salespersonId(managerOf(i)), manager ? "" : backupOf(i));
        }
        csv.flush(); // not close(): out belongs to the caller
    }

    /** Writes the customers file, owned by SALES people only. Flushes {@code out}, does not close it. */
    public void customers(Appendable out) throws IOException {
        CSVPrinter csv = new CSVPrinter(out, CUSTOMERS);
        for (int i = 1; i <= size.customers(); i++) {
            Core core = core(i);
            SplittableRandom r = random(CUSTOMER, i);
            Culture culture = core.place.culture(r);
            Person contact = culture.person(r);
            Sector sector = pick(r, Sector.ALL);
            String company = culture.company(r, sector);
            String nickname = NICKNAMES.get(contact.first);
            String preferredName = nickname != null && r.nextInt(100) < 60 ? nickname : "";
            List<String> offers = codes(r, sector.code, 1 + r.nextInt(3), List.of());
            List<String> needs = codes(r, null, 1 + r.nextInt(3), offers);
            boolean reachable = !core.doNotContact;
            csv.printRecord(customerId(i), company, contact.first, contact.last, preferredName,
                    customerEmail(contact, company, i), core.place.phone(r), core.place.zone.getId(),
                    core.place.locale, core.place.region, sector.industry, String.join(";", offers),
                    String.join(";", needs), salespersonId(core.owner),
                    r.nextInt(5000) == 0 ? "TOP10" : "", today.minusDays(core.sinceDaysAgo), money(core.revenueCents),
                    reachable && r.nextInt(100) < 93, reachable && r.nextInt(100) < 60, core.doNotContact,
                    r.nextInt(100) < 35 ? pick(r, PREFERENCES) : "", personalNotes(r));
        }
        csv.flush();
    }

    /** Writes the purchases of the last three years, customer by customer. Flushes {@code out}, does not close it. */
    public void purchases(Appendable out) throws IOException {
        CSVPrinter csv = new CSVPrinter(out, PURCHASES);
        for (int i = 1; i <= size.customers(); i++) {
            Core core = core(i);
            List<Bought> bought = purchasesOf(i, core);
            for (int k = 1; k <= bought.size(); k++) {
                Bought b = bought.get(k - 1);
                csv.printRecord(padded("P", i, 7) + "-" + k, customerId(i), b.on, money(b.cents), core.place.currency,
                        b.description);
            }
        }
        csv.flush();
    }

    private record Bought(LocalDate on, long cents, String description) {}

    /** The purchases of customer {@code i}, oldest first: the draws of its {@code PURCHASE} random. */
    private List<Bought> purchasesOf(int i, Core core) {
        SplittableRandom r = random(PURCHASE, i);
        int count = r.nextInt(2 * size.purchasesPerCustomer() + 1);
        // within the last three years, but never before the customer became one
        int[] daysAgo = new int[count];
        for (int k = 0; k < count; k++) {
            daysAgo[k] = 1 + r.nextInt(Math.min(3 * 365, core.sinceDaysAgo));
        }
        Arrays.sort(daysAgo);
        List<Bought> bought = new ArrayList<>(count);
        for (int k = 1; k <= count; k++) {
            // big customers buy big: amounts follow the (skewed) revenue, which makes tiers meaningful
            long cents = Math.max(2_000, Math.round(core.revenueCents * 0.004 * (0.3 + 1.7 * r.nextDouble())));
            bought.add(new Bought(today.minusDays(daysAgo[count - k]), cents, pick(r, PURCHASE_ITEMS)));
        }
        return bought;
    }

    /**
     * Writes the exchange rates into EUR (the default company currency) of the other currencies purchases use: a short
     * history reaching back before the oldest purchase, so every purchase converts at the rate of its own date.
     */
    public void exchangeRates(Appendable out) throws IOException {
        CSVPrinter csv = new CSVPrinter(out, EXCHANGE_RATES);
        for (Rate rate : rates()) {
            csv.printRecord(rate.currency, rate.validFrom, rate.rate);
        }
        csv.flush();
    }

    private record Rate(String currency, LocalDate validFrom, String rate) {}

    private List<Rate> rates() {
        return List.of(new Rate("USD", today.minusYears(4), "0.93"), new Rate("USD", today.minusMonths(18), "0.91"),
                new Rate("USD", today.minusMonths(6), "0.88"), new Rate("GBP", today.minusYears(4), "1.16"),
                new Rate("GBP", today.minusMonths(18), "1.18"), new Rate("GBP", today.minusMonths(6), "1.17"));
    }

    /** Cents in EUR at the rate of the day, as the tier recomputation converts (the latest rate valid on that day). */
    private double inEuro(long cents, String currency, LocalDate on) {
        if (currency.equals("EUR")) {
            return cents;
        }
        double rate = 0;
        for (Rate r : rates()) {
            if (r.currency.equals(currency) && !r.validFrom.isAfter(on)) {
                rate = Double.parseDouble(r.rate); // rates() lists each currency's rates oldest first
            }
        }
        return cents * rate;
    }

    /** Tier names by customer number (from 1), once computed for the demo's history. */
    private Tier[] tiers;

    /**
     * The tier customer {@code i} gets once tiers are computed ({@code TierService}, which the demo runs after its
     * import): the top 10 and top 100 by purchases of the last twelve months in EUR, ties by annual revenue, then id.
     * Pinned tiers are left out: a pin is one customer in 5,000.
     */
    Tier expectedTier(int i) {
        if (tiers == null) {
            int n = size.customers();
            double[] revenue = new double[n + 1];
            Integer[] order = new Integer[n];
            for (int c = 1; c <= n; c++) {
                Core core = core(c);
                for (Bought b : purchasesOf(c, core)) {
                    if (b.on.isAfter(today.minusYears(1))) {
                        revenue[c] += inEuro(b.cents, core.place.currency, b.on);
                    }
                }
                order[c - 1] = c;
            }
            Arrays.sort(order, (a, b) -> revenue[a] != revenue[b] ? Double.compare(revenue[b], revenue[a])
                    : core(a).revenueCents != core(b).revenueCents ? Long.compare(core(b).revenueCents, core(a).revenueCents)
                    : Integer.compare(a, b));
            tiers = new Tier[n + 1];
            for (int rank = 1; rank <= n; rank++) {
                int c = order[rank - 1];
                tiers[c] = revenue[c] <= 0 || rank > 100 ? Tier.STANDARD : rank <= 10 ? Tier.TOP10 : Tier.TOP100;
            }
        }
        return tiers[i];
    }

    /** Writes the problems opened in the last 120 days, most of them resolved. Flushes, does not close {@code out}. */
    public void problems(Appendable out) throws IOException {
        CSVPrinter csv = new CSVPrinter(out, PROBLEMS);
        double perCustomer = size.problemsPerHundredCustomers() / 100.0;
        for (int i = 1; i <= size.customers(); i++) {
            SplittableRandom r = random(PROBLEM, i);
            int count = poisson(r, perCustomer);
            long[] openedAgo = new long[count];
            for (int k = 0; k < count; k++) {
                openedAgo[k] = 60 + r.nextLong(120 * DAY_SECONDS - 60);
            }
            Arrays.sort(openedAgo);
            for (int k = 1; k <= count; k++) {
                Instant opened = nowSeconds.minusSeconds(openedAgo[count - k]);
                Complaint complaint = Complaint.pick(r);
                String category = complaint.code != null ? complaint.code : pick(r, TRADES);
                int roll = r.nextInt(100);
                String severity = roll < 35 ? "LOW" : roll < 75 ? "MEDIUM" : roll < 95 ? "HIGH" : "CRITICAL";
                String summary = pick(r, complaint.summaries);
                // fixed an hour to ten days later, quick fixes more often; those that would end after now are open
                Instant resolved = opened.plusSeconds(3600 + (long) (240 * 3600 * Math.pow(r.nextDouble(), 2)));
                String resolution = pick(r, complaint.resolutions);
                boolean isResolved = r.nextInt(100) < 85 && resolved.isBefore(now);
                csv.printRecord(padded("PR", i, 7) + "-" + k, customerId(i), opened,
                        isResolved ? resolved : "", severity, category, summary, isResolved ? resolution : "");
            }
        }
        csv.flush();
    }

    /** Writes the touches of the last 365 days, each by the customer's owner. Flushes, does not close {@code out}. */
    public void touches(Appendable out) throws IOException {
        CSVPrinter csv = new CSVPrinter(out, TOUCHES);
        for (int i = 1; i <= size.customers(); i++) {
            Core core = core(i);
            SplittableRandom r = random(TOUCH, i);
            long[] times = touchTimes(core, r);
            for (long time : times) {
                Contact kind = core.doNotContact ? Contact.NOTE : Contact.pick(r);
                String outcome = kind.outcome(r);
                List<String> notes = kind.notes(outcome);
                String note = notes.isEmpty() || r.nextInt(100) < 30 ? "" : pick(r, notes);
                csv.printRecord(customerId(i), salespersonId(core.owner), kind, outcome, Instant.ofEpochSecond(time),
                        note);
            }
        }
        csv.flush();
    }

    /** When a customer's touches happened (epoch seconds, in order): the first draws of its {@code TOUCH} random. */
    private long[] touchTimes(Core core, SplittableRandom r) {
        int count = r.nextInt(2 * size.touchesPerCustomer() + 1);
        LocalDate placeToday = localToday.get(core.place);
        long[] times = new long[count];
        for (int k = 0; k < count; k++) {
            // a local business day 1..364 days ago (moved back up to 2 days off a weekend), 08:00–18:00 local
            LocalDate day = core.place.businessDayOnOrBefore(placeToday.minusDays(1 + r.nextInt(362)));
            times[k] = day.atTime(8, 0).plusMinutes(r.nextInt(600)).atZone(core.place.zone).toEpochSecond();
        }
        Arrays.sort(times);
        return times;
    }

    /** The salesperson of the demo's {@code sales} login. */
    public static final int SHOWCASE_SALESPERSON = 2;

    /** At most this many days past its cadence is a customer of the demo's small backlog. */
    public static final int BACKLOG_MAX_DAYS = 21;

    /**
     * Writes the touches of a company that already uses Rapport: {@link #touches}, up to each reachable customer's last
     * conversation, and that conversation (a visit for a top-10 customer, a reached call for the others). It lies within
     * the courtesy cadence of the customer's tier (SPEC defaults) for most customers, exactly one cadence ago for some
     * (their courtesy call is due today) and up to {@link #BACKLOG_MAX_DAYS} days more for a few (a small backlog).
     * The showcase salesperson's top-ranked customer is called on today, when top 10. Do-not-contact customers keep
     * their notes only. Flushes, does not close {@code out}.
     */
    public void history(Appendable out) throws IOException {
        CSVPrinter csv = new CSVPrinter(out, TOUCHES);
        for (int i = 1; i <= size.customers(); i++) {
            Core core = core(i);
            SplittableRandom r = random(TOUCH, i);
            long[] times = touchTimes(core, r);
            long last = core.doNotContact ? Long.MAX_VALUE : lastConversation(i, core);
            for (long time : times) {
                Contact kind = core.doNotContact ? Contact.NOTE : Contact.pick(r);
                String outcome = kind.outcome(r);
                List<String> notes = kind.notes(outcome);
                String note = notes.isEmpty() || r.nextInt(100) < 30 ? "" : pick(r, notes);
                if (time < last) {
                    csv.printRecord(customerId(i), salespersonId(core.owner), kind, outcome, Instant.ofEpochSecond(time), note);
                }
            }
            if (!core.doNotContact) {
                boolean top = expectedTier(i) == Tier.TOP10;
                csv.printRecord(customerId(i), salespersonId(core.owner), top ? Contact.VISIT : Contact.CALL, "REACHED",
                        Instant.ofEpochSecond(last), pick(random(HISTORY, i), (top ? Contact.VISIT : Contact.CALL).notes("REACHED")));
            }
        }
        csv.flush();
    }

    /** The courtesy cadence of the SPEC's default rules. */
    private static int cadence(Tier tier) {
        return switch (tier) {
            case TOP10 -> 14;
            case TOP100 -> 30;
            case STANDARD -> 90;
        };
    }

    /** How many days before today (in its place) customer {@code i} last spoke with its salesperson. */
    private int daysSinceConversation(int i, Core core) {
        int cadence = cadence(expectedTier(i));
        if (core.owner == SHOWCASE_SALESPERSON && i == showcaseTop()) {
            return cadence;
        }
        SplittableRandom r = random(HISTORY, i);
        r.nextInt(); // the note's draw
        int roll = r.nextInt(100);
        return roll < 86 ? 1 + r.nextInt(cadence - 1) : roll < 97 ? cadence : cadence + 1 + r.nextInt(BACKLOG_MAX_DAYS);
    }

    /**
     * When customer {@code i} last spoke with its salesperson (epoch seconds): 10:00–16:00 in the customer's place, so
     * many days before the salesperson's today (their list's date) that the cadence comes round on that date; a day
     * earlier where that moment is not past yet (a customer far west of their salesperson).
     */
    private long lastConversation(int i, Core core) {
        LocalDate day = localToday.get(placeOfSalesperson(core.owner)).minusDays(daysSinceConversation(i, core));
        long at = day.atTime(10, 0).plusMinutes(random(HISTORY, -i).nextInt(360)).atZone(core.place.zone).toEpochSecond();
        return at < nowSeconds.getEpochSecond() ? at : at - DAY_SECONDS;
    }

    private Integer showcaseTop;

    /** The showcase salesperson's top-ranked customer when it is a reachable top-10 one, else 0. */
    private int showcaseTop() {
        if (showcaseTop == null) {
            showcaseTop = 0;
            for (int i = 1; i <= size.customers(); i++) {
                Core core = core(i);
                if (core.owner == SHOWCASE_SALESPERSON && !core.doNotContact && expectedTier(i) == Tier.TOP10) {
                    showcaseTop = i;
                    break;
                }
            }
        }
        return showcaseTop;
    }

    /**
     * The demo's story for the salesperson of the {@code sales} login: problems of two of their customers, resolved one
     * and three days ago and not talked about since, so that their list holds problem follow-ups besides the courtesy
     * calls of the {@link #history}. Written as a problems file; fewer when the salesperson owns no such customers.
     * Flushes {@code out}, does not close it.
     */
    public void followUpShowcase(Appendable out) throws IOException {
        CSVPrinter csv = new CSVPrinter(out, PROBLEMS);
        int[] daysAgo = {1, 3};
        int written = 0;
        for (int i = 1; i <= size.customers() && written < daysAgo.length; i++) {
            Core core = core(i);
            if (core.owner != SHOWCASE_SALESPERSON || core.doNotContact || i == showcaseTop()) {
                continue;
            }
            Instant resolved = nowSeconds.minusSeconds(daysAgo[written] * DAY_SECONDS);
            if (lastConversation(i, core) < resolved.minusSeconds(DAY_SECONDS).getEpochSecond()) {
                Complaint complaint = written == 0 ? Complaint.DELIVERY : Complaint.BILLING;
                csv.printRecord("PR-SHOWCASE-" + (written + 1), customerId(i), resolved.minusSeconds(DAY_SECONDS), resolved, "HIGH",
                        complaint.code, written == 0 ? "Delivery arrived three days late" : "Invoice sent twice",
                        written == 0 ? "Replacement shipped by express" : "Duplicate invoice cancelled, apology sent");
                written++;
            }
        }
        csv.flush();
    }

    // ---- who owns whom, where --------------------------------------------------------------------------------

    private static boolean isManager(int salesperson) {
        return salesperson % 10 == 1;
    }

    private static int managerOf(int salesperson) {
        return (salesperson - 1) / 10 * 10 + 1;
    }

    /** The previous SALES person of the group (the first one takes the next), or "" when alone in the group. */
    private String backupOf(int salesperson) {
        int first = managerOf(salesperson) + 1;
        int last = Math.min(managerOf(salesperson) + 9, size.salespeople());
        if (first == last) {
            return "";
        }
        return salespersonId(salesperson == first ? first + 1 : salesperson - 1);
    }

    /** The k-th (from 0) SALES person: every group of ten has nine, after its manager. */
    private static int salesPerson(int k) {
        return k / 9 * 10 + 2 + k % 9;
    }

    private int ownerOf(SplittableRandom r) {
        int sales = size.salespeople() - (size.salespeople() + 9) / 10;
        // half uniform, half the lower of two picks: portfolios range from about 1.5 to 0.5 times the average
        int k = r.nextBoolean() ? r.nextInt(sales) : Math.min(r.nextInt(sales), r.nextInt(sales));
        return salesPerson(k);
    }

    private Place placeOfSalesperson(int salesperson) {
        return Place.pick(random(SALESPERSON_PLACE, salesperson));
    }

    /** What purchases, problems and touches of a customer must agree on, derived from the customer number alone. */
    private record Core(int owner, Place place, int sinceDaysAgo, long revenueCents, boolean doNotContact) {}

    private Core core(int customer) {
        SplittableRandom r = random(CUSTOMER_CORE, customer);
        int owner = ownerOf(r);
        // most customers are where their salesperson works; the rest anywhere
        Place place = r.nextInt(100) < 65 ? placeOfSalesperson(owner) : Place.pick(r);
        int sinceDaysAgo = 365 + r.nextInt(19 * 365 + 1);
        // Pareto (80/20) from 80,000: a few customers dwarf the rest, as in real portfolios
        double revenue = Math.min(2e9, 80_000 / Math.pow(1 - r.nextDouble(), 1 / 1.16));
        return new Core(owner, place, sinceDaysAgo, Math.round(revenue * 100), r.nextInt(100) == 0);
    }

    // ---- randomness ------------------------------------------------------------------------------------------

    private SplittableRandom random(long stream, long row) {
        // Mixed, not just seed ^ (row * gamma): SplittableRandom(s + gamma) repeats SplittableRandom(s) shifted by
        // one draw, so unmixed neighbouring rows would share their random numbers.
        return new SplittableRandom(mix(mix(seed + stream * 0xD1B54A32D192ED03L) + row * 0x9E3779B97F4A7C15L));
    }

    /** Stafford's variant 13 of MurmurHash3's finalizer, as inside SplittableRandom. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static <T> T pick(SplittableRandom r, List<T> values) {
        return values.get(r.nextInt(values.size()));
    }

    private static int poisson(SplittableRandom r, double mean) {
        double limit = Math.exp(-mean);
        int k = 0;
        for (double p = r.nextDouble(); p > limit; p *= r.nextDouble()) {
            k++;
        }
        return k;
    }

    // ---- formatting ------------------------------------------------------------------------------------------

    private static CSVFormat format(String... columns) {
        return CSVFormat.RFC4180.builder().setHeader(columns).setRecordSeparator('\n').get();
    }

    private static String padded(String prefix, long number, int width) {
        if (number < 1) {
            throw new IllegalArgumentException("numbers start at 1: " + number);
        }
        String digits = Long.toString(number);
        StringBuilder id = new StringBuilder(prefix.length() + Math.max(width, digits.length())).append(prefix);
        for (int k = digits.length(); k < width; k++) {
            id.append('0');
        }
        return id.append(digits).toString();
    }

    private static String money(long cents) {
        long fraction = cents % 100;
        return cents / 100 + (fraction < 10 ? ".0" : ".") + fraction;
    }

    /** {@code count} distinct trade codes, starting with {@code first} if given, none in {@code avoid}. */
    private static List<String> codes(SplittableRandom r, String first, int count, List<String> avoid) {
        List<String> codes = new ArrayList<>(count);
        if (first != null) {
            codes.add(first);
        }
        while (codes.size() < count) {
            String code = pick(r, TRADES);
            if (!codes.contains(code) && !avoid.contains(code)) {
                codes.add(code);
            }
        }
        return codes;
    }

    private static String personalNotes(SplittableRandom r) {
        int roll = r.nextInt(100);
        if (roll == 0) {
            // multi-line notes happen when people paste from elsewhere, and must survive CSV
            return pick(r, PERSONAL_NOTES) + "\n" + pick(r, PERSONAL_NOTES);
        }
        return roll < 30 ? pick(r, PERSONAL_NOTES) : "";
    }

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    /** Lower-case ASCII of a Latin-script word ("Jürgen" → "jurgen", "Łukasz" → "lukasz"); "" if not Latin. */
    private static String asciiFold(String word) {
        String decomposed = word.chars().allMatch(c -> c < 128)
                ? word // the common case, and Normalizer is slow
                : MARKS.matcher(Normalizer.normalize(word, Normalizer.Form.NFD)).replaceAll("");
        StringBuilder ascii = new StringBuilder(decomposed.length());
        for (int k = 0; k < decomposed.length(); k++) {
            char c = Character.toLowerCase(decomposed.charAt(k));
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                ascii.append(c);
            } else if (Character.isLetter(c)) {
                // letters that NFD does not decompose
                String latin = switch (c) {
                    case 'ß' -> "ss";
                    case 'ł' -> "l";
                    case 'ø' -> "o";
                    case 'æ' -> "ae";
                    case 'œ' -> "oe";
                    case 'đ', 'ð' -> "d";
                    case 'þ' -> "th";
                    case 'ı' -> "i";
                    default -> null;
                };
                if (latin == null) {
                    return "";
                }
                ascii.append(latin);
            }
            // spaces, apostrophes and hyphens ("O'Brien", "Te Rangi") are dropped
        }
        return ascii.toString();
    }

    private static String salespersonEmail(Person person, int i, Set<String> taken) {
        String first = asciiFold(person.first);
        String last = asciiFold(person.last);
        if (first.isEmpty() || last.isEmpty()) {
            return salespersonId(i).toLowerCase(Locale.ROOT) + "@rapport.example";
        }
        String local = first + "." + last;
        for (int n = 2; !taken.add(local); n++) {
            local = first + "." + last + n;
        }
        return local + "@rapport.example";
    }

    private static final List<String> LEGAL_FORMS = List.of("gmbh", "kg", "ag", "co", "ek", "llc", "inc", "ltd",
            "plc", "pty", "group", "sarl", "sas", "sa", "sl", "ltda", "sp", "z", "oo", "ab", "aps", "a", "s", "et",
            "y", "i", "und", "and");

    /** Unique through the customer number; the domain is made from the company name where that is Latin. */
    private static String customerEmail(Person contact, String company, int i) {
        String first = asciiFold(contact.first);
        String last = asciiFold(contact.last);
        String local = first.isEmpty() || last.isEmpty() ? "contact" : first + "." + last;
        StringBuilder domain = new StringBuilder();
        int words = 0;
        for (String word : company.split("[\\s,&\"«»/]+")) {
            String ascii = asciiFold(word);
            if (!word.isEmpty() && ascii.isEmpty()) {
                domain.setLength(0); // not Latin script
                break;
            }
            if (!ascii.isEmpty() && !LEGAL_FORMS.contains(ascii) && words++ < 2) {
                domain.append(domain.length() == 0 ? "" : "-").append(ascii);
            }
        }
        return local + "." + i + "@" + (domain.length() == 0 ? "customer-" + i : domain) + ".example";
    }

    // ---- word lists ------------------------------------------------------------------------------------------

    private static List<String> list(String commaSeparated) {
        return List.of(commaSeparated.split(", "));
    }

    private record Person(String first, String last, boolean familyNameFirst) {
        String fullName() {
            return familyNameFirst ? last + " " + first : first + " " + last;
        }
    }

    /** Languages that company names are written in, in the order of {@link Sector}'s words. */
    private enum Lang { EN, DE, FR, ES, PT, JA }

    /** A line of business: its taxonomy code, industry, and how a company in it calls itself in each language. */
    private enum Sector {
        PRINTING("printing", "Printing and media", "Printing", "Druck", "Imprimerie", "Artes Gráficas", "Gráfica", "印刷"),
        LOGISTICS("logistics", "Transport and logistics", "Logistics", "Logistik", "Transports", "Transportes", "Logística", "物流"),
        SOFTWARE("software", "Technology", "Software", "Software", "Logiciels", "Software", "Software", "ソフトウェア"),
        IT_SERVICES("it-services", "Technology", "IT Solutions", "IT-Systemhaus", "Informatique", "Informática", "Informática", "システム"),
        TELECOM("telecom", "Technology", "Telecom", "Telekommunikation", "Télécom", "Telecomunicaciones", "Telecom", "通信"),
        CONSTRUCTION("construction", "Construction", "Construction", "Bau", "Construction", "Construcciones", "Construtora", "建設"),
        ELECTRICAL("electrical", "Construction", "Electric", "Elektrotechnik", "Électricité", "Instalaciones Eléctricas", "Elétrica", "電気工事"),
        HVAC("hvac", "Construction", "Heating & Cooling", "Haustechnik", "Climatisation", "Climatización", "Climatização", "空調"),
        PACKAGING("packaging", "Manufacturing", "Packaging", "Verpackung", "Emballages", "Embalajes", "Embalagens", "包装"),
        MACHINERY("machinery", "Manufacturing", "Machinery", "Maschinenbau", "Mécanique", "Maquinaria", "Máquinas", "機械"),
        RAW_MATERIALS("raw-materials", "Manufacturing", "Materials", "Rohstoffe", "Matériaux", "Materiales", "Materiais", "資材"),
        FURNITURE("furniture", "Manufacturing", "Office Furniture", "Büromöbel", "Mobilier", "Mobiliario", "Móveis", "家具"),
        CATERING("catering", "Hospitality", "Catering", "Catering", "Traiteur", "Catering", "Buffet", "ケータリング"),
        EVENTS("events", "Hospitality", "Events", "Eventservice", "Événements", "Eventos", "Eventos", "イベント"),
        TRAVEL("travel", "Hospitality", "Travel", "Reisen", "Voyages", "Viajes", "Viagens", "旅行"),
        CLEANING("cleaning", "Facility services", "Cleaning Services", "Gebäudereinigung", "Nettoyage", "Limpiezas", "Limpeza", "清掃"),
        SECURITY("security-services", "Facility services", "Security", "Sicherheitsdienst", "Sécurité", "Seguridad", "Segurança", "警備"),
        CONSULTING("consulting", "Professional services", "Consulting", "Unternehmensberatung", "Conseil", "Consultores", "Consultoria", "コンサルティング"),
        ACCOUNTING("accounting", "Professional services", "Accounting", "Steuerberatung", "Expertise Comptable", "Asesoría Contable", "Contabilidade", "会計"),
        LEGAL("legal", "Professional services", "Law", "Rechtsanwälte", "Avocats", "Abogados", "Advogados", "法律事務所"),
        RECRUITING("recruiting", "Professional services", "Staffing", "Personalservice", "Recrutement", "Selección de Personal", "Recrutamento", "人材"),
        MARKETING("marketing", "Media and marketing", "Marketing", "Werbeagentur", "Communication", "Publicidad", "Publicidade", "広告"),
        ENERGY("energy", "Energy", "Energy", "Energie", "Énergie", "Energía", "Energia", "エネルギー");

        static final List<Sector> ALL = List.of(values());

        final String code;
        final String industry;
        final List<String> words;

        Sector(String code, String industry, String... words) {
            this.code = code;
            this.industry = industry;
            this.words = List.of(words);
        }

        String word(Lang lang) {
            return words.get(lang.ordinal());
        }

        /** Partnerships, whose names ("Smith, Jones & "Partners"") exercise CSV quoting. */
        boolean isPartnership() {
            return this == LEGAL || this == ACCOUNTING || this == CONSULTING;
        }
    }

    /**
     * Names and company-name patterns of one culture. Surnames "Kowalski/Kowalska" have a female form.
     * In patterns, {S} and {S2} are surnames, {W} a word, {K} the sector's word.
     */
    private enum Culture {
        US(Lang.EN, false,
                "Mary, Jennifer, Emily, Sarah, Jessica, Ashley, Linda, Maria, Aaliyah, Grace",
                "James, Michael, Robert, David, William, Christopher, Daniel, Carlos, Kevin, Tyler",
                "Smith, Johnson, Williams, Brown, Jones, Garcia, Miller, Davis, Rodriguez, O'Brien, Nguyen, Kim, Washington",
                "Acme, Summit, Pioneer, Harbor, Blue Ridge, Redwood, Granite, Liberty, Keystone, Lakeside, Evergreen, Northstar",
                "{W} {K} LLC", "{W} {K} Inc.", "{S} {K} Co.", "{S} & {S2} {K}"),
        GB(Lang.EN, false,
                "Charlotte, Amelia, Olivia, Isla, Emily, Siobhan, Harriet, Sophie",
                "Oliver, Harry, George, Jack, Alistair, Rhys, Thomas, Callum",
                "Taylor, Evans, Wilson, Thomas, Roberts, Walker, Wright, Hughes, Patel, McAllister, O'Connor",
                "Thames, Pennine, Albion, Crown, Kingsway, Oakwood, Highgate, Merlin",
                "{W} {K} Ltd", "{S} & {S2} Ltd", "{S} {K} plc", "{W} {K} Group"),
        AU(Lang.EN, false,
                "Chloe, Matilda, Ruby, Isla, Charlotte, Mia",
                "Jack, Lachlan, Cooper, Angus, Liam, Noah",
                "Smith, Jones, Williams, Brown, Wilson, Taylor, Kelly, MacDonald, Nguyen",
                "Southern Cross, Harbour, Coral, Outback, Wattle, Bondi",
                "{W} {K} Pty Ltd", "{S} & {S2} Pty Ltd", "{S} {K}"),
        NZ(Lang.EN, false,
                "Aroha, Ruby, Mia, Olivia, Ngaio, Mereana",
                "Wiremu, Tāne, Liam, Noah, Oliver, Tama",
                "Ngata, Parata, Te Rangi, Smith, Wilson, Taylor, Campbell, Stewart",
                "Kauri, Tasman, Koru, Pacific, Southern Alps, Harbourside",
                "{W} {K} Ltd", "{S} {K} Ltd", "{W} {K}"),
        DE(Lang.DE, false,
                "Anna, Sophie, Petra, Ulrike, Käthe, Jana, Birgit, Lena, Sabine, Hannelore",
                "Jürgen, Lukas, Klaus, Stefan, Jörg, Matthias, Thomas, Uwe, Florian, Günther",
                "Müller, Schmidt, Schneider, Fischer, Weiß, Meyer, Wagner, Becker, Schäfer, Groß, Hoffmann, Krüger, Schröder, Neumann",
                "Nordwind, Alpen, Rhein, Spree, Isar, Löwen, Elbtal, Schwarzwald, Bergland, Hanse",
                "{W} {K} GmbH", "{S} & Söhne KG", "{S} {K} GmbH & Co. KG", "{W} {K} AG", "{S} {K} e.K."),
        FR(Lang.FR, false,
                "Zoë, Léa, Hélène, Camille, Chloé, Amélie, Élodie, Manon, Françoise",
                "François, Étienne, Jérôme, Benoît, Julien, Thibault, Lucas, Gaël, Hugo",
                "Faure, Dubois, Lefèvre, Moreau, Girard, Bonnet, Mercier, Rousseau, Fontaine, Lemaître, Côté",
                "Atlantique, Provence, Lumière, Étoile, Azur, Bretagne",
                "{K} {S} SARL", "{W} {K} SAS", "{S} et Fils SA", "{K} {S} & Associés"),
        ES(Lang.ES, false,
                "María, Lucía, Núria, Sofía, Carmen, Elena, Begoña, Inés",
                "José, Álvaro, Andrés, Iñigo, Javier, Pablo, Sergio, Jesús",
                "Núñez, García, Fernández, López, Martínez, Pérez, Gómez, Sánchez, Ibáñez, Muñoz",
                "Ibérica, Levante, Mediterráneo, Sol, Cantábrica, Meseta",
                "{K} {S} S.L.", "{W} {K} S.A.", "{S} y {S2} Asociados S.L."),
        BR(Lang.PT, false,
                "Ana, Mariana, Beatriz, Conceição, Fernanda, Luíza, Gabriela, Letícia",
                "João, Luís, Tiago, Paulo, Mateus, Sebastião, Rafael, Vinícius",
                "Silva, Santos, Oliveira, Souza, Araújo, Gonçalves, Simões, Ribeiro, Carvalho, Magalhães",
                "Paulista, Atlântico, Cerrado, Ipê, Horizonte, Aurora",
                "{K} {S} Ltda.", "{W} {K} S.A.", "{S} & {S2} {K} Ltda."),
        PL(Lang.EN, false,
                "Małgorzata, Agnieszka, Zofia, Katarzyna, Joanna, Ewa, Grażyna, Alicja",
                "Łukasz, Paweł, Wojciech, Krzysztof, Piotr, Michał, Jędrzej, Tomasz",
                "Kowalski/Kowalska, Nowak, Wójcik, Wiśniewski/Wiśniewska, Lewandowski/Lewandowska, Woźniak, Dąbrowski/Dąbrowska, Mazur",
                "Wisła, Mazowsze, Bałtyk, Tatry, Polmex, Żuraw",
                "{S} i Synowie Sp. z o.o.", "{W} Sp. z o.o.", "{W}-{S} S.A.", "PHU {S}"),
        SE(Lang.EN, false,
                "Åsa, Ingrid, Karin, Maja, Linnéa, Astrid, Sofia, Elsa",
                "Björn, Lars, Göran, Erik, Anders, Nils, Måns, Oskar",
                "Andersson, Johansson, Lindström, Ström, Bergqvist, Nyström, Åberg, Öberg, Karlsson, Sjöberg",
                "Norrsken, Fjäll, Älv, Skog, Kust, Granit",
                "{W} {K} AB", "{S} & {S2} AB"),
        DK(Lang.EN, false,
                "Mette, Freja, Ida, Åse, Signe, Kirsten, Birgitte, Sofie",
                "Søren, Anders, Jens, Mads, Rasmus, Bjørn, Henrik, Frederik",
                "Østergaard, Jensen, Nielsen, Hansen, Pedersen, Sørensen, Møller, Kjær, Christensen, Bødker",
                "Øresund, Nordlys, Kyst, Bølge, Havn, Skov",
                "{S} & Søn ApS", "{W} {K} A/S", "{S} {K} ApS"),
        JA(Lang.JA, true,
                "花子, 由美, さくら, 美咲, 陽子, 愛, 恵子, 真由美",
                "太郎, 健太, 翔, 大輔, 拓也, 誠, 浩, 修",
                "田中, 佐藤, 鈴木, 高橋, 渡辺, 伊藤, 山本, 中村, 小林, 加藤",
                "日本, 東京, 富士, 桜, 大和, 青空",
                "{S}{K}株式会社", "株式会社{W}{K}", "{W}{K}有限会社"),
        GULF(Lang.EN, false,
                "Fatima, Mariam, Noura, Sara, Aisha, Layla",
                "Mohammed, Ahmed, Khalid, Omar, Youssef, Saeed",
                "Al Hashimi, Al Mansoori, Al Shamsi, Al Kaabi, Al Nuaimi, Al Dhaheri",
                "Noor, Rawabi, Nakheel, Sahara, Falcon, Oasis, Marina",
                "{W} {K} LLC", "Al {W} {K} Trading LLC", "{S} Group"),
        ARABIC(Lang.EN, false,
                "فاطمة, مريم, نورة, سارة, عائشة, ليلى",
                "محمد, أحمد, خالد, عمر, يوسف, سعيد",
                "الهاشمي, المنصوري, الشامسي, الكعبي, النعيمي, الظاهري",
                "Noor, Rawabi, Nakheel, Sahara, Falcon, Oasis, Marina",
                "{W} {K} LLC", "Al {W} {K} Trading LLC"),
        RU(Lang.EN, false,
                "Ольга, Анна, Екатерина, Наталья, Татьяна, Мария",
                "Дмитрий, Сергей, Алексей, Андрей, Михаил, Иван",
                "Иванов/Иванова, Смирнов/Смирнова, Кузнецов/Кузнецова, Попов/Попова, Соколов/Соколова, Лебедев/Лебедева",
                "Север, Вектор, Гранит, Радуга, Сибирь, Альянс, Восход, Меридиан",
                "ООО «{W}»", "АО «{W}»", "ООО «{W}-{S}»", "ИП {S}");

        final Lang lang;
        final boolean familyNameFirst;
        final List<String> female;
        final List<String> male;
        final List<String> surnames;
        final List<String> words;
        final List<String> companyPatterns;

        Culture(Lang lang, boolean familyNameFirst, String female, String male, String surnames, String words,
                String... companyPatterns) {
            this.lang = lang;
            this.familyNameFirst = familyNameFirst;
            this.female = list(female);
            this.male = list(male);
            this.surnames = list(surnames);
            this.words = list(words);
            this.companyPatterns = List.of(companyPatterns);
        }

        Person person(SplittableRandom r) {
            boolean isFemale = r.nextBoolean();
            String first = pick(r, isFemale ? female : male);
            String[] forms = pick(r, surnames).split("/");
            return new Person(first, isFemale ? forms[forms.length - 1] : forms[0], familyNameFirst);
        }

        String company(SplittableRandom r, Sector sector) {
            String surname = surname(r);
            String other = surname(r);
            while (other.equals(surname)) {
                other = surname(r);
            }
            boolean latin = !asciiFold(surname).isEmpty();
            String pattern = latin && sector.isPartnership() && r.nextInt(3) == 0
                    ? "{S}, {S2} & \"Partners\""
                    : pick(r, companyPatterns);
            return pattern.replace("{W}", pick(r, words)).replace("{K}", sector.word(lang))
                    .replace("{S2}", other).replace("{S}", surname);
        }

        private String surname(SplittableRandom r) {
            return pick(r, surnames).split("/")[0];
        }
    }

    /** Where customers and salespeople are: zone, region and locale agree, and so do phone prefix and currency. */
    private enum Place {
        NEW_YORK("America/New_York", "US-NY", "en-US", "+1 212", 7, "USD", 14, false, Culture.US),
        CHICAGO("America/Chicago", "US-IL", "en-US", "+1 312", 7, "USD", 8, false, Culture.US),
        LOS_ANGELES("America/Los_Angeles", "US-CA", "en-US", "+1 415", 7, "USD", 10, false, Culture.US),
        BERLIN("Europe/Berlin", "DE-BE", "de-DE", "+49 30", 7, "EUR", 10, false, Culture.DE),
        MUNICH("Europe/Berlin", "DE-BY", "de-DE", "+49 89", 7, "EUR", 7, false, Culture.DE),
        PARIS("Europe/Paris", "FR", "fr-FR", "+33 1", 8, "EUR", 8, false, Culture.FR),
        LONDON("Europe/London", "GB", "en-GB", "+44 20", 8, "GBP", 9, false, Culture.GB),
        MADRID("Europe/Madrid", "ES-MD", "es-ES", "+34 91", 7, "EUR", 5, false, Culture.ES),
        WARSAW("Europe/Warsaw", "PL", "pl-PL", "+48 22", 7, "EUR", 4, false, Culture.PL),
        STOCKHOLM("Europe/Stockholm", "SE", "sv-SE", "+46 8", 7, "EUR", 3, false, Culture.SE),
        COPENHAGEN("Europe/Copenhagen", "DK", "da-DK", "+45", 8, "EUR", 3, false, Culture.DK),
        MOSCOW("Europe/Moscow", "RU", "ru-RU", "+7 495", 7, "USD", 2, false, Culture.RU),
        TOKYO("Asia/Tokyo", "JP", "ja-JP", "+81 3", 8, "USD", 4, false, Culture.JA),
        SAO_PAULO("America/Sao_Paulo", "BR", "pt-BR", "+55 11", 8, "USD", 4, false, Culture.BR),
        AUCKLAND("Pacific/Auckland", "NZ", "en-NZ", "+64 9", 7, "USD", 2, false, Culture.NZ),
        SYDNEY("Australia/Sydney", "AU-NSW", "en-AU", "+61 2", 8, "USD", 3, false, Culture.AU),
        // the UAE moved to a Monday–Friday week in 2022; Saudi Arabia works Sunday–Thursday
        DUBAI("Asia/Dubai", "AE", "ar-AE", "+971 4", 7, "USD", 2, false, Culture.GULF, Culture.ARABIC),
        RIYADH("Asia/Riyadh", "SA", "ar-SA", "+966 11", 7, "USD", 2, true, Culture.GULF, Culture.ARABIC);

        private static final List<Place> ALL = List.of(values());
        private static final int TOTAL_WEIGHT = ALL.stream().mapToInt(place -> place.weight).sum();

        final ZoneId zone;
        final String region;
        final String locale;
        final String phonePrefix;
        final int phoneDigits;
        final String currency;
        final int weight;
        final boolean sundayToThursday;
        final List<Culture> cultures;

        Place(String zone, String region, String locale, String phonePrefix, int phoneDigits, String currency,
                int weight, boolean sundayToThursday, Culture... cultures) {
            this.zone = ZoneId.of(zone);
            this.region = region;
            this.locale = locale;
            this.phonePrefix = phonePrefix;
            this.phoneDigits = phoneDigits;
            this.currency = currency;
            this.weight = weight;
            this.sundayToThursday = sundayToThursday;
            this.cultures = List.of(cultures);
        }

        static Place pick(SplittableRandom r) {
            int ticket = r.nextInt(TOTAL_WEIGHT);
            for (Place place : ALL) {
                ticket -= place.weight;
                if (ticket < 0) {
                    return place;
                }
            }
            throw new AssertionError("weights");
        }

        Culture culture(SplittableRandom r) {
            return cultures.size() == 1 ? cultures.get(0) : DataGenerator.pick(r, cultures);
        }

        String phone(SplittableRandom r) {
            StringBuilder phone = new StringBuilder(phonePrefix).append(' ').append(2 + r.nextInt(8));
            for (int k = 1; k < phoneDigits; k++) {
                phone.append(r.nextInt(10));
            }
            return phone.toString();
        }

        LocalDate businessDayOnOrBefore(LocalDate day) {
            LocalDate result = day;
            while (isWeekend(result.getDayOfWeek())) {
                result = result.minusDays(1);
            }
            return result;
        }

        private boolean isWeekend(DayOfWeek day) {
            return sundayToThursday
                    ? day == DayOfWeek.FRIDAY || day == DayOfWeek.SATURDAY
                    : day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
        }
    }

    /** Kinds of touch with their outcomes (weights in %) and typical notes. */
    private enum Contact {
        CALL(45), VISIT(12), EMAIL(25), NOTE(18);

        private static final List<Contact> ALL = List.of(values());

        final int weight;

        Contact(int weight) {
            this.weight = weight;
        }

        static Contact pick(SplittableRandom r) {
            int ticket = r.nextInt(100);
            for (Contact kind : ALL) {
                ticket -= kind.weight;
                if (ticket < 0) {
                    return kind;
                }
            }
            throw new AssertionError("weights");
        }

        String outcome(SplittableRandom r) {
            return switch (this) {
                case CALL -> {
                    int roll = r.nextInt(100);
                    yield roll < 55 ? "REACHED" : roll < 80 ? "VOICEMAIL" : "NO_ANSWER";
                }
                case VISIT -> "REACHED";
                case EMAIL -> "SENT";
                case NOTE -> "NOTED";
            };
        }

        List<String> notes(String outcome) {
            return switch (this) {
                case CALL -> switch (outcome) {
                    case "REACHED" -> List.of("Discussed next quarter's order", "Asked about the new price list",
                            "Happy with the last delivery", "Wants a visit in spring",
                            "Mentioned they are hiring, could use a recruiter");
                    case "VOICEMAIL" -> List.of("Left a message", "Left a message, will try again Thursday");
                    default -> List.of();
                };
                case VISIT -> List.of("Site visit, met the new purchasing lead",
                        "Lunch meeting; talked about expansion plans", "Showed the new product line");
                case EMAIL -> List.of("Sent the catalogue", "Sent a quote", "Followed up on the open question");
                case NOTE -> List.of("Prefers to be called on the mobile", "Budget freeze until next fiscal year",
                        "Moving to a new office in autumn", "New managing director since last month");
            };
        }
    }

    /** Problem categories (weights in %) with what customers report and how it was resolved. */
    private enum Complaint {
        BILLING("billing", 25,
                List.of("Invoice sent twice", "Wrong VAT rate on invoice", "Credit note still missing",
                        "Direct debit failed", "Charged for the \"express\" option, but it was not used"),
                List.of("Duplicate invoice cancelled, apology sent", "Corrected invoice issued", "Credit note issued",
                        "Payment re-run after the bank fixed the mandate")),
        DELIVERY("delivery", 25,
                List.of("Delivery arrived three days late", "Parcel damaged in transit", "Wrong item delivered",
                        "Partial delivery, 2 boxes missing", "Courier could not find the loading dock"),
                List.of("Replacement shipped by express", "Missing boxes delivered", "Courier instructions updated",
                        "Shipping costs refunded")),
        PRODUCT_QUALITY("product-quality", 20,
                List.of("Batch of labels misprinted", "Unit stopped working after a week",
                        "Colour does not match the sample", "Noise from the cooling fan"),
                List.of("Batch reprinted at our cost", "Unit replaced under warranty",
                        "Technician visit, part replaced")),
        SUPPORT("support", 15,
                List.of("No answer to two support emails", "Hotline waiting time over 30 minutes",
                        "Unclear answer about contract terms"),
                List.of("Called back and explained; ticket closed", "Dedicated contact assigned",
                        "Contract terms clarified in writing")),
        IT_SERVICES("it-services", 10,
                List.of("Portal login not working", "Data export fails with an error",
                        "VPN access for a new staff member"),
                List.of("Password reset and account unlocked", "Bug fixed in release 4.2", "Access granted")),
        /** Filed under one of the trades. */
        OTHER(null, 5,
                List.of("Customer unhappy with the service", "Escalation from the purchasing department",
                        "Recurring issue, see previous ticket"),
                List.of("Issue resolved after a call", "Process changed, customer informed"));

        private static final List<Complaint> ALL = List.of(values());

        final String code;
        final int weight;
        final List<String> summaries;
        final List<String> resolutions;

        Complaint(String code, int weight, List<String> summaries, List<String> resolutions) {
            this.code = code;
            this.weight = weight;
            this.summaries = summaries;
            this.resolutions = resolutions;
        }

        static Complaint pick(SplittableRandom r) {
            int ticket = r.nextInt(100);
            for (Complaint complaint : ALL) {
                ticket -= complaint.weight;
                if (ticket < 0) {
                    return complaint;
                }
            }
            throw new AssertionError("weights");
        }
    }

    private static final Map<String, String> NICKNAMES = Map.ofEntries(
            Map.entry("Michael", "Mike"), Map.entry("Robert", "Bob"), Map.entry("William", "Bill"),
            Map.entry("Christopher", "Chris"), Map.entry("Daniel", "Dan"), Map.entry("Jennifer", "Jen"),
            Map.entry("Jessica", "Jess"), Map.entry("Alistair", "Ali"), Map.entry("Charlotte", "Lottie"),
            Map.entry("Oliver", "Ollie"), Map.entry("Harriet", "Hattie"), Map.entry("Thomas", "Tom"),
            Map.entry("Matthias", "Matze"), Map.entry("Katarzyna", "Kasia"), Map.entry("Małgorzata", "Gosia"),
            Map.entry("Wojciech", "Wojtek"), Map.entry("José", "Pepe"), Map.entry("Javier", "Javi"),
            Map.entry("Екатерина", "Катя"), Map.entry("Наталья", "Наташа"), Map.entry("Мария", "Маша"),
            Map.entry("Дмитрий", "Дима"), Map.entry("Mohammed", "Mo"), Map.entry("Frederik", "Frede"));

    private static final List<String> PREFERENCES = List.of("prefers calls after 10:00", "email only",
            "speaks German", "no calls on Fridays", "prefers visits over calls", "call the mobile, not the office line",
            "speaks English and French", "short emails, no attachments", "mornings only, before the shop opens");

    private static final List<String> PERSONAL_NOTES = List.of("two kids, loves sailing", "marathon runner",
            "allergic to nuts, no food gifts", "collects vintage watches", "became a grandmother this year",
            "volunteer firefighter", "big football fan", "studied in Lyon, loves French wine",
            "plays cello in a local orchestra", "has a golden retriever named Max");

    private static final List<String> PURCHASE_ITEMS = List.of("Service contract renewal", "Starter package",
            "Consulting day", "Spare parts, express delivery", "Software licences (25 seats)", "On-site installation",
            "\"Premium\" support, 12 months", "Training workshop", "Replacement parts", "Annual maintenance");
}
