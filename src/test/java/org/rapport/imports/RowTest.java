package org.rapport.imports;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Field validation: each bad value names its column and why. */
class RowTest {

    static Row row(String column, String value) {
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(column + "\n\"" + value.replace("\"", "\"\"") + "\"\n"))
                .setFormat(CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
            return new Row(parser.getRecords().get(0), 7);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String reason(Row row) {
        assertThat(row.valid()).isFalse();
        assertThat(row.rejections()).singleElement().extracting(Rejection::line).isEqualTo(7L);
        return row.rejections().get(0).reason();
    }

    @Test
    void timeZonesMustBeIanaNames() {
        assertThat(row("tz", "America/New_York").zone("tz")).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(reason(withZone("Mars/Olympus"))).startsWith("unknown time zone");
        assertThat(reason(withZone("EST"))).startsWith("unknown time zone");
    }

    private static Row withZone(String zone) {
        Row row = row("tz", zone);
        row.zone("tz");
        return row;
    }

    @Test
    void emailAddressesAreChecked() {
        assertThat(row("e", "zoë.faure@example.fr").email("e")).isEqualTo("zoë.faure@example.fr");
        Row bad = row("e", "anna@@example.com");
        bad.email("e");
        assertThat(reason(bad)).isEqualTo("not an email address");
    }

    @Test
    void regionsAreCountriesOrSubdivisions() {
        assertThat(row("r", "us-ny").region("r")).isEqualTo("US-NY");
        Row bad = row("r", "XX-1");
        bad.region("r");
        assertThat(reason(bad)).startsWith("not an ISO 3166");
    }

    @Test
    void categoryCodesMustBeInTheTaxonomy() {
        Set<String> known = Set.of("legal", "printing");
        assertThat(row("o", "legal; Printing;legal").codes("o", known::contains, code -> "unknown " + code))
                .containsExactly("legal", "printing");
        Row bad = row("o", "legal; Astrology");
        bad.codes("o", Set.of("legal")::contains, code -> "unknown " + code + ", try legal");
        assertThat(reason(bad)).isEqualTo("unknown Astrology, try legal");
    }

    @Test
    void moneyIsAPlainDecimalWithAtMostTwoPlaces() {
        assertThat(row("m", "1250.5").money("m", true)).isEqualTo(new BigDecimal("1250.50"));
        for (String bad : new String[] {"1,250.00", "-5", "1.005"}) {
            Row row = row("m", bad);
            row.money("m", true);
            assertThat(row.valid()).as(bad).isFalse();
        }
    }

    @Test
    void booleansAreTrueOrFalseOnly() {
        assertThat(row("b", "TRUE").bool("b", false)).isTrue();
        Row bad = row("b", "yes");
        bad.bool("b", false);
        assertThat(reason(bad)).isEqualTo("must be true or false");
    }

    @Test
    void longValuesAreRejectedWithTheLimitAndAShortenedValue() {
        Row row = row("n", "y".repeat(5000));
        row.text("n", 100);
        assertThat(reason(row)).isEqualTo("longer than 100 characters");
        assertThat(row.rejections().get(0).value()).hasSizeLessThan(250);
    }

    @Test
    void instantsNeedAZoneOrOffset() {
        assertThat(row("t", "2026-03-29T01:30:00+01:00").instant("t")).hasToString("2026-03-29T00:30:00Z");
        Row bad = row("t", "2026-03-29 01:30");
        bad.instant("t");
        assertThat(reason(bad)).startsWith("not an ISO 8601 time");
    }

    @Test
    void anUnreadableRequiredValueIsReportedOnceForItsEncoding() {
        Row row = row("c", "M\uFFFDller");

        assertThat(row.required("c", 100)).isNull();
        assertThat(reason(row)).startsWith("not valid UTF-8");
    }
}
