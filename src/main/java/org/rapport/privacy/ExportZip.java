package org.rapport.privacy;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.rapport.platform.web.CsvCells;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** A customer's export as a zip of one CSV file per section ({@code touches.csv}), each with its header row. */
final class ExportZip {

    private ExportZip() {
    }

    static void write(CustomerExport export, OutputStream out) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            Writer writer = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
            for (Map.Entry<ExportSection, List<Map<String, Object>>> section : export.sections().entrySet()) {
                zip.putNextEntry(new ZipEntry(section.getKey().key() + ".csv"));
                CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder()
                        .setHeader(section.getKey().columns().toArray(String[]::new)).get());
                for (Map<String, Object> row : section.getValue()) {
                    csv.printRecord(CsvCells.of(row.values().toArray()));
                }
                csv.flush();
                zip.closeEntry();
            }
        }
    }
}
