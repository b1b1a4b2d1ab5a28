package org.rapport.imports;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.testing.Api;
import org.rapport.testing.TestServer;
import org.rapport.testing.Csv;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** CSV import through the public API: good files, every kind of bad row, and whole files that cannot be read. */
class ImportIT {

    static final String CUSTOMER_HEADER = "external_id,company,contact_first_name,contact_last_name,preferred_name,email,phone,"
            + "time_zone,locale,region,industry,offers,needs,owner,tier,customer_since,annual_revenue,email_ok,intro_ok,"
            + "do_not_contact,preferences,personal_notes";

    Api admin;
    String tag;
    String owner;

    @BeforeEach
    void salesperson() {
        admin = TestServer.api().asAdmin();
        tag = Csv.unique("i");
        owner = tag + "-S1";
        Api.Reply reply = admin.postCsv("api/import/salespeople", Csv.lines(
                "external_id,name,time_zone", owner + ",Søren Østergaard,Europe/Copenhagen"));
        assertThat(reply.json().getInt("created")).as(reply.toString()).isEqualTo(1);
    }

    @Test
    void everyKindImportsAndTheSameFileAgainChangesNothing() {
        String salespeople = Csv.lines(
                "external_id,name,email,time_zone,region,daily_capacity,working_days,role,manager,backup",
                tag + "-S2,Jürgen Müller,jm@example.com,Europe/Berlin,DE-BE,15,MON-THU,SALES," + tag + "-S3," + owner,
                tag + "-S3,Zoë Faure,zf@example.com,Europe/Paris,FR,20,MON-FRI,MANAGER,,");
        String customers = Csv.lines(CUSTOMER_HEADER,
                tag + "-C1,\"Smith, Jones & \"\"Partners\"\"\",José,Núñez,Pepe,pepe@sjp.example,+34 91 123 4567,Europe/Madrid,es-ES,ES,"
                        + "Legal,legal;consulting,printing," + tag + "-S2,,2019-05-01,1200000.50,true,true,false,\"calls after 10:00\","
                        + "\"two kids\nloves sailing\"",
                tag + "-C2,田中商事,太郎,田中,,tanaka@example.jp,,Asia/Tokyo,ja-JP,JP,Trading,,,,TOP10,,,,,,,");
        String purchases = Csv.lines("external_id,customer,purchased_on,amount,currency,description",
                tag + "-P1," + tag + "-C1,2026-10-01,1500.00,EUR,Paper",
                tag + "-P2," + tag + "-C2,2026-09-01,99,JPY,");
        String problems = Csv.lines("external_id,customer,opened_at,resolved_at,severity,category,summary,resolution",
                tag + "-X1," + tag + "-C1,2026-11-01T09:00:00Z,2026-11-02T10:00:00+01:00,HIGH,delivery,Late delivery,Resent",
                tag + "-X2," + tag + "-C2,2026-11-03T09:00:00Z,,LOW,billing,Wrong invoice,");

        for (int round = 0; round < 2; round++) {
            assertCounts(admin.postCsv("api/import/salespeople", salespeople), round == 0 ? 2 : 0, round == 0 ? 0 : 2);
            assertCounts(admin.postCsv("api/import/customers", customers), round == 0 ? 2 : 0, round == 0 ? 0 : 2);
            assertCounts(admin.postCsv("api/import/purchases", purchases), round == 0 ? 2 : 0, round == 0 ? 0 : 2);
            assertCounts(admin.postCsv("api/import/problems", problems), round == 0 ? 2 : 0, round == 0 ? 0 : 2);
        }

        JsonObject c1 = admin.get("api/customers/" + tag + "-C1").json();
        assertThat(c1.getString("company")).isEqualTo("Smith, Jones & \"Partners\"");
        assertThat(c1.getString("personal_notes")).isEqualTo("two kids\nloves sailing");
        assertThat(c1.getString("owner")).isEqualTo(tag + "-S2");
        assertThat(c1.getJsonArray("offers")).extracting(v -> ((jakarta.json.JsonString) v).getString()).containsExactly("consulting", "legal");
        assertThat(c1.getString("annual_revenue")).isEqualTo("1200000.50");
        JsonObject c2 = admin.get("api/customers/" + tag + "-C2").json();
        assertThat(c2.getString("company")).isEqualTo("田中商事");
        assertThat(c2.getString("tier")).isEqualTo("TOP10");
        assertThat(c2.getJsonArray("open_problems")).hasSize(1);
        assertThat(c1.getJsonArray("open_problems")).isEmpty();
    }

    @Test
    void changedRowsAreUpdatedAndOthersLeftAlone() {
        String first = Csv.lines("external_id,company,time_zone,owner", tag + "-A,Alpha,Europe/Berlin," + owner, tag + "-B,Beta,Europe/Berlin,");
        String second = Csv.lines("external_id,company,time_zone,owner", tag + "-A,Alpha Two,Europe/Berlin," + owner,
                tag + "-B,Beta,Europe/Berlin,", tag + "-C,Gamma,UTC,");
        admin.postCsv("api/import/customers", first);

        JsonObject answer = admin.postCsv("api/import/customers", second).json();

        assertThat(answer.getInt("created")).isEqualTo(1);
        assertThat(answer.getInt("updated")).isEqualTo(1);
        assertThat(answer.getInt("unchanged")).isEqualTo(1);
        assertThat(admin.get("api/customers/" + tag + "-A").json().getString("company")).isEqualTo("Alpha Two");
    }

    @Test
    void everyBadRowIsRejectedPreciselyAndEveryValidRowIsKept() {
        byte[] latin1 = (tag + "-R12,M\u00fcller,Europe/Berlin,,,,\n").getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(Csv.lines("external_id,company,time_zone,email,owner,tier,shoe_size",
                tag + "-R2,Valid One,Europe/Berlin,a@b.example,,,",
                tag + "-R3,Bad Mail,Europe/Berlin,not-an-email,,,",
                tag + "-R4,Bad Zone,Mars/Olympus,,,,",
                tag + "-R5,Unknown Owner,Europe/Berlin,,nobody-" + tag + ",,",
                tag + "-R2,Duplicate,Europe/Berlin,,,,",
                tag + "-R7,Bad Tier,Europe/Berlin,,,GOLD,",
                ",No Id,Europe/Berlin,,,,",
                tag + "-R9,,Europe/Berlin,,,,",
                tag + "-R10,Too,Many,Fields,Here,,,,",
                tag + "-R11,Valid Two,UTC,,,,").getBytes(StandardCharsets.UTF_8));
        file.writeBytes(latin1);

        Api.Reply reply = admin.post("api/import/customers", "text/csv", file.toByteArray());

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonObject answer = reply.json();
        assertThat(answer.getInt("created")).isEqualTo(2);
        assertRejections(answer,
                "1|shoe_size|unknown column",
                "3|email|not an email address",
                "4|time_zone|unknown time zone",
                "5|owner|unknown salesperson",
                "6|external_id|duplicate external_id in this file; line 2",
                "7|tier|must be one of",
                "8|external_id|required",
                "9|company|required",
                "10|null|has 9 fields, the header has 7",
                "12|company|not valid UTF-8");
        assertThat(admin.get("api/customers/" + tag + "-R2").json().getString("company")).isEqualTo("Valid One");
        assertThat(admin.get("api/customers/" + tag + "-R11").status()).isEqualTo(200);
        assertThat(admin.get("api/customers/" + tag + "-R3").status()).isEqualTo(404);
    }

    @Test
    void byteOrderMarkAndColumnsInAnyOrderAreAccepted() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = (Csv.lines("time_zone,company,external_id", "Pacific/Auckland,Kiwi Ltd," + tag + "-K")).getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, file, 0, 3);
        System.arraycopy(body, 0, file, 3, body.length);

        JsonObject answer = admin.post("api/import/customers", "text/csv; charset=utf-8", file).json();

        assertThat(answer.getInt("created")).isEqualTo(1);
        assertThat(admin.get("api/customers/" + tag + "-K").json().getString("time_zone")).isEqualTo("Pacific/Auckland");
    }

    @Test
    void badQuotingStopsAtItsLineAndKeepsTheRowsBefore() {
        JsonObject answer = admin.postCsv("api/import/customers", Csv.lines("external_id,company,time_zone",
                tag + "-Q1,Fine,UTC",
                tag + "-Q2,\"Broken\"quote,UTC",
                tag + "-Q3,After,UTC")).json();

        assertThat(answer.getInt("created")).isEqualTo(1);
        assertThat(rejections(answer)).singleElement().asString().startsWith("3|null|malformed CSV");
        assertThat(admin.get("api/customers/" + tag + "-Q1").status()).isEqualTo(200);
    }

    @Test
    void aTenMegabyteFieldRejectsItsRowOnly() {
        String huge = "x".repeat(10 * 1024 * 1024);
        JsonObject answer = admin.postCsv("api/import/customers", Csv.lines("external_id,company,time_zone,personal_notes",
                tag + "-H1,Huge,UTC," + huge,
                tag + "-H2,Small,UTC,fine")).json();

        assertThat(answer.getInt("created")).isEqualTo(1);
        assertThat(rejections(answer)).singleElement().asString().startsWith("2|personal_notes|longer than 4000 characters");
        assertThat(answer.getJsonArray("rejected").getJsonObject(0).getString("value")).hasSizeLessThan(300);
    }

    @Test
    void filesWithoutAUsableHeaderAreRefusedWhole() {
        Api.Reply empty = admin.postCsv("api/import/customers", "");
        Api.Reply dataFirst = admin.postCsv("api/import/customers", Csv.lines(tag + "-N1,No Header,UTC"));
        Api.Reply missingColumn = admin.postCsv("api/import/customers", Csv.lines("external_id,company", tag + "-N2,No Zone"));

        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().getString("detail")).contains("empty");
        assertThat(dataFirst.status()).isEqualTo(400);
        assertThat(dataFirst.json().getString("detail")).contains("lacks the required column", "external_id");
        assertThat(missingColumn.status()).isEqualTo(400);
        assertThat(missingColumn.json().getString("detail")).contains("time_zone");
        assertThat(missingColumn.contentType()).startsWith("application/problem+json");
        assertThat(admin.get("api/customers/" + tag + "-N2").status()).isEqualTo(404);
    }

    @Test
    void badRequestsGetPreciseProblemsWithoutStackTraces() {
        Api.Reply wrongType = admin.postJson("api/import/customers", "{}");
        Api.Reply unknownKind = admin.postCsv("api/import/invoices", "external_id\r\n");
        Api.Reply malformed = admin.postJson("api/purchases", "{\"external_id\": ");
        Api.Reply unknownField = admin.postJson("api/purchases", "{\"external_id\":\"x\",\"customr\":\"y\"}");
        Api.Reply invalid = admin.postJson("api/purchases", "{\"external_id\":\"x\",\"customer\":\"y\",\"purchased_on\":\"2026-01-01\",\"amount\":\"12,50\",\"currency\":\"EUR\"}");
        Api.Reply tooLarge = admin.postExpectingContinue("api/purchases", "application/json",
                "{\"description\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}");

        assertThat(wrongType.status()).isEqualTo(415);
        assertThat(unknownKind.status()).isEqualTo(404);
        assertThat(unknownKind.json().getString("detail")).contains("customers, salespeople, purchases, problems, exchange-rates or categories");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.json().getString("detail")).startsWith("customr:");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().getString("detail")).contains("amount");
        assertThat(tooLarge.status()).isEqualTo(413);
        for (Api.Reply reply : List.of(wrongType, unknownKind, malformed, unknownField, invalid, tooLarge)) {
            assertThat(reply.contentType()).as(reply.toString()).startsWith("application/problem+json");
            assertThat(reply.body()).doesNotContain("Exception", "\tat ");
        }
    }

    @Test
    void anImportRunsWhileTheServiceIsUnderLoad() throws Exception {
        StringBuilder csv = new StringBuilder("external_id,company,time_zone,owner\r\n");
        for (int i = 0; i < 5000; i++) {
            csv.append(tag).append("-L").append(i).append(",Load ").append(i).append(",Europe/Berlin,").append(owner).append("\r\n");
        }
        // four readers keep reading until the import has answered; each read notes when it started and ended
        record Read(long started, long ended, int status) {
        }
        AtomicBoolean importing = new AtomicBoolean(true);
        ExecutorService readers = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Read>>> reads = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                reads.add(readers.submit(() -> {
                    List<Read> done = new ArrayList<>();
                    while (importing.get()) {
                        long started = System.nanoTime();
                        int status = admin.get("api/customers?owner=" + owner + "&limit=20").status();
                        done.add(new Read(started, System.nanoTime(), status));
                    }
                    return done;
                }));
            }
            long importStarted = System.nanoTime();
            JsonObject answer;
            try {
                answer = admin.postCsv("api/import/customers", csv.toString()).json();
            } finally {
                importing.set(false);
            }
            long importEnded = System.nanoTime();

            assertThat(answer.getInt("created")).isEqualTo(5000);
            List<Read> all = new ArrayList<>();
            for (Future<List<Read>> read : reads) {
                all.addAll(read.get());
            }
            assertThat(all).extracting(Read::status).containsOnly(200);
            List<Read> duringImport = all.stream().filter(r -> r.started() >= importStarted && r.ended() <= importEnded).toList();
            assertThat(duringImport).as("reads answered from start to end inside the import's %d ms of %s",
                    (importEnded - importStarted) / 1_000_000, all.size()).hasSizeGreaterThanOrEqualTo(4);
        } finally {
            readers.shutdownNow();
        }
    }

    /**
     * Exchange rates are keyed by currency and valid_from: columns in any order, every bad row named, the same file again
     * changes nothing, a new rate for a stored day updates it. The days are drawn per run, so a kept database still
     * counts them as new.
     */
    @Test
    void exchangeRatesImportByCurrencyAndDayAndTheSameFileAgainChangesNothing() {
        java.time.LocalDate first = java.time.LocalDate.of(1900, 1, 1).plusDays(new java.util.Random().nextInt(30_000));
        java.time.LocalDate second = first.plusDays(1);
        String file = Csv.lines("rate,currency,valid_from,source",
                "1.47,CAD," + first + ",ecb",
                "1.52,cad," + second + ",ecb",
                "0,AUD," + first + ",",
                "1.6,XYZ," + first + ",",
                "1,EUR," + first + ",",
                "1.50,CAD," + second + ",",
                "1.6,AUD,1 July,",
                "-2,AUD," + first + ",");
        for (int round = 0; round < 2; round++) {
            Api.Reply reply = admin.postCsv("api/import/exchange-rates", file);
            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
            JsonObject answer = reply.json();
            assertThat(answer.getInt("created")).as(reply.toString()).isEqualTo(round == 0 ? 2 : 0);
            assertThat(answer.getInt("updated")).as(reply.toString()).isZero();
            assertThat(answer.getInt("unchanged")).as(reply.toString()).isEqualTo(round == 0 ? 0 : 2);
            assertThat(answer.getJsonArray("rejected").getValuesAs(JsonObject.class))
                    .extracting(r -> r.getInt("line") + " " + r.getString("column") + " " + r.getString("value") + ": " + r.getString("reason"))
                    .containsExactly(
                            "1 source source: unknown column; its values were ignored (known: currency, rate, valid_from)",
                            "4 rate 0: not more than 0 (a rate is what one unit of the currency is worth in the company currency)",
                            "5 currency XYZ: not an ISO 4217 currency code (such as EUR, USD)",
                            "6 currency EUR: the company currency; its rate is always 1",
                            "7 valid_from CAD " + second + ": duplicate currency and valid_from in this file; line 3 has it and was used",
                            "8 valid_from 1 July: not a date in the form YYYY-MM-DD",
                            "9 rate -2: not more than 0 (a rate is what one unit of the currency is worth in the company currency)");
        }
        Api.Reply changed = admin.postCsv("api/import/exchange-rates", Csv.lines("currency,valid_from,rate", "CAD," + first + ",1.4700",
                "CAD," + second + ",1.55"));
        assertThat(changed.json().getInt("unchanged")).as("1.4700 is 1.47").isEqualTo(1);
        assertThat(changed.json().getInt("updated")).as(changed.toString()).isEqualTo(1);
        assertThat(admin.get("api/exchange-rates").json().getJsonArray("rates").getValuesAs(JsonObject.class))
                .filteredOn(r -> r.getString("currency").equals("CAD") && r.getString("valid_from").compareTo(second.toString()) <= 0
                        && r.getString("valid_from").compareTo(first.toString()) >= 0)
                .extracting(r -> r.getString("valid_from") + " " + r.getString("rate"))
                .containsExactly(first + " 1.47", second + " 1.55");
    }

    private static void assertCounts(Api.Reply reply, int created, int unchanged) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonObject answer = reply.json();
        assertThat(answer.getInt("created")).as(reply.toString()).isEqualTo(created);
        assertThat(answer.getInt("updated")).as(reply.toString()).isZero();
        assertThat(answer.getInt("unchanged")).as(reply.toString()).isEqualTo(unchanged);
        assertThat(answer.getJsonArray("rejected")).as(reply.toString()).isEmpty();
    }

    /** Each rejection, in line order, starts with the expected "line|column|reason" prefix. */
    private static void assertRejections(JsonObject answer, String... expected) {
        List<String> actual = rejections(answer);
        assertThat(actual).as(answer.toString()).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual.get(i)).as(answer.toString()).startsWith(expected[i]);
        }
    }

    /** "line|column|reason" for each rejection, in line order. */
    private static List<String> rejections(JsonObject answer) {
        List<String> all = new ArrayList<>();
        for (JsonValue v : answer.getJsonArray("rejected")) {
            JsonObject r = v.asJsonObject();
            String column = r.isNull("column") ? "null" : r.getString("column");
            all.add(r.getJsonNumber("line").longValue() + "|" + column + "|" + r.getString("reason"));
        }
        all.sort(java.util.Comparator.comparingLong(s -> Long.parseLong(s.substring(0, s.indexOf('|')))));
        return all;
    }
}
