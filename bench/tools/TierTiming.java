import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Times the tier recomputation's statement before and after purchases were converted into the company currency, on
 * the database of a running service (issue 9, "money in other currencies"). Fills it once with synthetic rows if it
 * has fewer customers than asked: N customers, 3 purchases each over three years, 40 % of them in USD or GBP, and a
 * daily USD rate history of three years. Then runs each statement `runs` times and prints the median.
 *
 *   java -cp <mysql-connector-j.jar> bench/tools/TierTiming.java <mariadb port> [customers=1000000] [runs=3] [sums-only|per-purchase]
 */
public class TierTiming {

    static final String WINDOW = "p.purchased_on > CURDATE() - INTERVAL 1 YEAR AND p.purchased_on <= CURDATE()";

    /** ExchangeRateMapper.xml: dailyRates joined as dr, then inCompanyCurrency. */
    static final String DAILY_RATES = "LEFT JOIN (WITH RECURSIVE day AS (SELECT CAST(CURDATE() - INTERVAL 1 YEAR AS DATE) + INTERVAL 1 DAY AS d"
            + " UNION ALL SELECT d + INTERVAL 1 DAY FROM day WHERE d < CAST(CURDATE() AS DATE))"
            + " SELECT r.currency, day.d AS day, MIN(r.rate) AS rate FROM day JOIN (SELECT currency, valid_from, rate,"
            + " COALESCE(LEAD(valid_from) OVER (PARTITION BY currency ORDER BY valid_from), DATE '9999-12-31') AS valid_to"
            + " FROM exchange_rate) r ON r.valid_from <= day.d AND day.d < r.valid_to GROUP BY r.currency, day.d) dr"
            + " ON dr.currency = p.currency AND dr.day = p.purchased_on";

    static final String CONVERTED = "CASE WHEN p.currency = (SELECT cc.code FROM company_currency cc WHERE cc.id = 1) THEN p.amount"
            + " ELSE ROUND(p.amount * dr.rate, 2) END";

    /** The first way tried: a correlated look-up per purchase (the rate with the latest valid_from on or before its date). */
    static final String CONVERTED_PER_PURCHASE = "CASE WHEN p.currency = (SELECT cc.code FROM company_currency cc WHERE cc.id = 1)"
            + " THEN p.amount ELSE ROUND(p.amount * (SELECT r.rate FROM exchange_rate r WHERE r.currency = p.currency"
            + " AND r.valid_from <= p.purchased_on ORDER BY r.valid_from DESC LIMIT 1), 2) END";

    /** CustomerMapper.xml#recomputeTiers with the revenue expression given (the window's purchases are `p`, rates `dr`). */
    static String update(String revenue, String join) {
        return "UPDATE customer c JOIN (SELECT r.id, r.revenue, ROW_NUMBER() OVER (ORDER BY r.revenue DESC, r.annual DESC, r.external_id) AS revenue_rank"
                + " FROM (SELECT cu.id, cu.external_id, COALESCE(cu.annual_revenue, 0) AS annual, COALESCE(p.revenue, 0) AS revenue"
                + " FROM customer cu LEFT JOIN (SELECT p.customer_id, " + revenue + " AS revenue FROM purchase p " + join + " WHERE " + WINDOW
                + " GROUP BY p.customer_id) p ON p.customer_id = cu.id) r) ranked ON ranked.id = c.id"
                + " SET c.revenue_12m = ranked.revenue, c.tier = COALESCE(c.tier_pin, CASE WHEN ranked.revenue > 0 AND ranked.revenue_rank <= 10 THEN 'TOP10'"
                + " WHEN ranked.revenue > 0 AND ranked.revenue_rank <= 100 THEN 'TOP100' ELSE 'STANDARD' END)";
    }

    public static void main(String[] args) throws Exception {
        int customers = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        try (Connection db = DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + args[0] + "/rapport?sslMode=DISABLED",
                "root", "embedded"); Statement s = db.createStatement()) {
            if (count(s, "SELECT COUNT(*) FROM customer") < customers) {
                long t = System.nanoTime();
                s.executeUpdate("INSERT INTO customer (external_id, company, time_zone, annual_revenue, created_at, updated_at)"
                        + " SELECT CONCAT('T', seq), CONCAT('Company ', seq), 'Europe/Berlin', seq % 100000, NOW(3), NOW(3)"
                        + " FROM seq_1_to_" + customers);
                s.executeUpdate("INSERT INTO purchase (external_id, customer_id, purchased_on, amount, currency, created_at)"
                        + " SELECT CONCAT('TP', c.id, '-', k.seq), c.id, CURDATE() - INTERVAL ((c.id * 7 + k.seq * 131) % 1095) DAY,"
                        + " ((c.id * 13 + k.seq * 7) % 100000) + 20, ELT(1 + (c.id + k.seq) % 5, 'EUR', 'USD', 'EUR', 'GBP', 'EUR'), NOW(3)"
                        + " FROM customer c JOIN seq_1_to_3 k");
                s.executeUpdate("INSERT IGNORE INTO exchange_rate (currency, valid_from, rate, updated_at)"
                        + " SELECT 'USD', CURDATE() - INTERVAL seq DAY, 0.85 + (seq % 20) / 100, NOW(3) FROM seq_0_to_1200");
                s.executeUpdate("INSERT IGNORE INTO exchange_rate (currency, valid_from, rate, updated_at) VALUES"
                        + " ('GBP', CURDATE() - INTERVAL 4 YEAR, 1.16, NOW(3)), ('GBP', CURDATE() - INTERVAL 1 YEAR, 1.18, NOW(3))");
                s.execute("ANALYZE TABLE customer, purchase, exchange_rate");
                System.out.printf("filled: %,d customers, %,d purchases, %,d rates in %.1f s%n", count(s, "SELECT COUNT(*) FROM customer"),
                        count(s, "SELECT COUNT(*) FROM purchase"), count(s, "SELECT COUNT(*) FROM exchange_rate"), (System.nanoTime() - t) / 1e9);
            }
            System.out.printf("purchases in the window: %,d%n", count(s, "SELECT COUNT(*) FROM purchase p WHERE " + WINDOW));
            // the part that changed, alone and interleaved (a busy machine drifts): the per-customer sums of the window
            String before = "SELECT p.customer_id, SUM(p.amount) FROM purchase p WHERE " + WINDOW + " GROUP BY p.customer_id";
            String after = "SELECT p.customer_id, COALESCE(SUM(" + CONVERTED + "), 0) FROM purchase p " + DAILY_RATES + " WHERE "
                    + WINDOW + " GROUP BY p.customer_id";
            List<Double> b = new ArrayList<>();
            List<Double> a = new ArrayList<>();
            for (int i = 0; i < runs + 2; i++) {
                b.add(run(s, before));
                a.add(run(s, after));
            }
            print("sums before: SUM(amount), any currency", b);
            print("sums after: SUM(converted at the rate of the purchase date)", a);
            if (args.length > 3 && args[3].equals("per-purchase")) {
                time(s, 1, "sums converted by a look-up per purchase (not used)", "SELECT p.customer_id, SUM(" + CONVERTED_PER_PURCHASE
                        + ") FROM purchase p WHERE " + WINDOW + " GROUP BY p.customer_id");
            }
            if (args.length > 3 && args[3].equals("sums-only")) {
                return;
            }
            time(s, runs, "before: SUM(amount), any currency", update("SUM(p.amount)", ""));
            time(s, runs, "after: SUM(converted at the rate of the purchase date)", update("COALESCE(SUM(" + CONVERTED + "), 0)", DAILY_RATES));
            time(s, runs, "after: the unconverted report", "SELECT p.currency, COUNT(*), MIN(p.purchased_on), MAX(p.purchased_on)"
                    + " FROM purchase p " + DAILY_RATES + " WHERE " + WINDOW + " AND " + CONVERTED + " IS NULL GROUP BY p.currency");
        }
    }

    static long count(Statement s, String sql) throws Exception {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    static void time(Statement s, int runs, String name, String sql) throws Exception {
        List<Double> seconds = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            seconds.add(run(s, sql));
        }
        print(name, seconds);
    }

    static double run(Statement s, String sql) throws Exception {
        long t = System.nanoTime();
        if (s.execute(sql)) {
            try (ResultSet r = s.getResultSet()) {
                while (r.next()) {
                    // drained
                }
            }
        }
        return (System.nanoTime() - t) / 1e9;
    }

    static void print(String name, List<Double> seconds) {
        List<Double> sorted = new ArrayList<>(seconds);
        Collections.sort(sorted);
        System.out.printf("%s: median %.2f s, all %s%n", name, sorted.get(sorted.size() / 2), seconds);
    }
}
