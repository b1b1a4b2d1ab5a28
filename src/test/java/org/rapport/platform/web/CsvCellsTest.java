package org.rapport.platform.web;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CsvCellsTest {

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://evil.example\",\"x\")", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A2)",
            "\t=1+1", "\r=1+1"})
    void aCellThatASpreadsheetWouldRunAsAFormulaStartsWithAnApostrophe(String text) {
        assertThat(CsvCells.cell(text)).isEqualTo("'" + text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Müller GmbH", "0049 30 1234", "a=b", "call back, -2 days", " =1", ""})
    void otherTextIsLeftAlone(String text) {
        assertThat(CsvCells.cell(text)).isEqualTo(text);
    }

    @Test
    void numbersNullsAndDatesKeepTheirValue() {
        assertThat(CsvCells.of(-3, 2.5, null, LocalDate.of(2026, 3, 1))).containsExactly(-3, 2.5, null, "2026-03-01");
    }

    @Test
    void aQuotedFormulaStaysNeutralisedThroughThePrinter() throws Exception {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
            printer.printRecord(CsvCells.of("=HYPERLINK(\"http://evil.example\",\"Click\")", "Acme"));
        }
        List<CSVRecord> records = CSVParser.parse(new StringReader(out.toString()), CSVFormat.RFC4180).getRecords();
        assertThat(records.get(0).get(0)).isEqualTo("'=HYPERLINK(\"http://evil.example\",\"Click\")");
        assertThat(records.get(0).get(1)).isEqualTo("Acme");
    }
}
