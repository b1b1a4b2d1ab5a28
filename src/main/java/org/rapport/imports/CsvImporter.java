package org.rapport.imports;

import com.carrotsearch.hppc.LongIntHashMap;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.rapport.audit.AuditKind;
import org.rapport.audit.AuditTrail;
import org.rapport.audit.Change;
import org.rapport.audit.Subject;
import org.rapport.imports.RowImporter.Parsed;

import java.io.BufferedInputStream;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Streams an RFC 4180 file through a {@link RowImporter}: record by record, valid rows stored in batches, every
 * rejection kept with its line. Memory stays flat whatever the file size: a batch of rows plus one 12-byte entry per
 * external id, to find duplicates within the file.
 */
@ApplicationScoped
public class CsvImporter {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(false)
            .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
            .setAllowMissingColumnNames(false)
            .get();

    @Inject
    @ConfigProperty(name = "rapport.import.max-row-chars")
    int maxRecordChars;

    @Inject
    AuditTrail audit;

    /**
     * Imports the file and records the import on the audit trail, on its own (each batch commits in a transaction of its
     * own, so there is no one transaction to join): the SHA-256 of the bytes read, the counts, and whether the file was
     * read to the end ({@code COMPLETE}; {@code FAILED}: the rows before the failure are stored, the hash covers the
     * bytes read).
     */
    public <R> ImportResult run(InputStream body, RowImporter<R> importer) {
        ImportResult result = new ImportResult();
        DigestInputStream hashed = new DigestInputStream(body, sha256());
        try {
            read(hashed, importer, result);
        } catch (RuntimeException e) {
            recordImport(importer, hashed, result, "FAILED");
            throw e;
        }
        recordImport(importer, hashed, result, "COMPLETE");
        return result;
    }

    /** The import itself, without the audit trail's record. */
    <R> void read(InputStream body, RowImporter<R> importer, ImportResult result) {
        try (GuardedReader reader = new GuardedReader(utf8(body), maxRecordChars);
             CSVParser parser = open(reader)) {
            List<String> header = parser.getHeaderNames();
            checkHeader(header, importer, result);
            importer.prepare();
            importRows(parser, reader, importer, result);
        } catch (IOException | UncheckedIOException e) {
            throw new CsvFormatException("The file could not be read: " + e.getMessage());
        }
    }

    /** Counts and the file's hash only: an import's rows hold customers' personal data, so none of them is recorded. */
    private void recordImport(RowImporter<?> importer, DigestInputStream hashed, ImportResult result, String outcome) {
        audit.recordOnItsOwn(AuditKind.IMPORT, Subject.of("import", importer.kind()), Change.to(Change.state(
                "outcome", outcome, "sha256", HexFormat.of().formatHex(hashed.getMessageDigest().digest()),
                "created", result.created(), "updated", result.updated(), "unchanged", result.unchanged(),
                "rejected", result.rejectedRows(), "warnings", result.warnings().size())));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static CSVParser open(Reader reader) throws IOException {
        try {
            return CSVParser.builder().setReader(reader).setFormat(FORMAT).get();
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new CsvFormatException("The header row (line 1) is not valid CSV: " + e.getMessage());
        }
    }

    private static void checkHeader(List<String> header, RowImporter<?> importer, ImportResult result) {
        if (header.isEmpty() || header.stream().allMatch(String::isBlank)) {
            throw new CsvFormatException("The file is empty; a header row naming the columns is required on line 1 (required: "
                    + String.join(", ", importer.requiredColumns()) + ").");
        }
        Set<String> missing = new LinkedHashSet<>(importer.requiredColumns());
        header.forEach(missing::remove);
        if (!missing.isEmpty()) {
            throw new CsvFormatException("The header row (line 1) lacks the required column(s) " + String.join(", ", missing)
                    + "; it has " + String.join(", ", header) + ". Is line 1 a header row?");
        }
        for (String column : header) {
            if (!importer.columns().contains(column)) {
                result.reject(new Rejection(1, column, column, "unknown column; its values were ignored (known: "
                        + String.join(", ", new java.util.TreeSet<>(importer.columns())) + ")"));
            }
        }
    }

    private <R> void importRows(CSVParser parser, GuardedReader reader, RowImporter<R> importer, ImportResult result) {
        int columns = parser.getHeaderNames().size();
        LongIntHashMap firstLineOfId = new LongIntHashMap();
        List<Parsed<R>> batch = new ArrayList<>();
        Iterator<CSVRecord> records = parser.iterator();
        long line = parser.getCurrentLineNumber() + 1;
        while (true) {
            CSVRecord record;
            try {
                if (!records.hasNext()) {
                    break;
                }
                record = records.next();
            } catch (UncheckedIOException | IllegalStateException e) {
                result.reject(new Rejection(line, null, null, "malformed CSV (" + cause(e)
                        + "); this row and the rest of the file were not read; rows before it were kept"));
                result.rowRejected();
                break;
            }
            long thisLine = line;
            line = parser.getCurrentLineNumber() + 1;
            reader.recordEnded();
            if (record.size() == 1 && record.get(0).isEmpty()) {
                continue; // a blank line
            }
            if (record.size() != columns) {
                result.reject(new Rejection(thisLine, null, null, "has " + record.size() + " fields, the header has " + columns));
                result.rowRejected();
                continue;
            }
            Row row = new Row(record, thisLine);
            R parsed = importer.parse(row);
            if (parsed == null || !row.valid()) {
                row.rejections().forEach(result::reject);
                result.rowRejected();
                continue;
            }
            String id = importer.externalId(parsed);
            long key = fingerprint(id);
            int earlier = firstLineOfId.getOrDefault(key, 0);
            if (earlier != 0) {
                result.reject(new Rejection(thisLine, importer.keyColumn(), id, "duplicate " + importer.keyName()
                        + " in this file; line " + earlier + " has it and was used"));
                result.rowRejected();
                continue;
            }
            firstLineOfId.put(key, (int) Math.min(thisLine, Integer.MAX_VALUE));
            row.warnings().forEach(result::warn);
            batch.add(new Parsed<>(thisLine, parsed));
            if (batch.size() >= importer.batchSize()) {
                flush(importer, batch, result);
            }
        }
        flush(importer, batch, result);
    }

    private static <R> void flush(RowImporter<R> importer, List<Parsed<R>> batch, ImportResult result) {
        if (batch.isEmpty()) {
            return;
        }
        result.add(importer.store(List.copyOf(batch), rejection -> {
            result.reject(rejection);
            result.rowRejected();
        }));
        batch.clear();
    }

    private static String cause(Exception e) {
        Throwable t = e.getCause() != null ? e.getCause() : e;
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return message.length() > 300 ? message.substring(0, 300) + "…" : message;
    }

    /** 64-bit FNV-1a: a collision among a million ids has a chance of about 3 in 100 million. */
    static long fingerprint(String id) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < id.length(); i++) {
            hash ^= id.charAt(i);
            hash *= 0x100000001b3L;
        }
        return hash == 0 ? 1 : hash;
    }

    /** UTF-8 with or without a byte-order mark; malformed bytes become U+FFFD, which {@link Row} rejects per field. */
    private static Reader utf8(InputStream body) throws IOException {
        BufferedInputStream in = new BufferedInputStream(body, 65536);
        in.mark(3);
        byte[] bom = in.readNBytes(3);
        if (!(bom.length == 3 && (bom[0] & 0xFF) == 0xEF && (bom[1] & 0xFF) == 0xBB && (bom[2] & 0xFF) == 0xBF)) {
            in.reset();
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE));
    }

    /** Stops a single record from growing without bound (an unterminated quote, a gigantic field). */
    static final class GuardedReader extends FilterReader {
        private final long maxRecordChars;
        private long sinceRecord;

        GuardedReader(Reader in, long maxRecordChars) {
            super(in);
            this.maxRecordChars = maxRecordChars;
        }

        void recordEnded() {
            sinceRecord = 0;
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            count(c < 0 ? 0 : 1);
            return c;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) throws IOException {
            sinceRecord += n;
            if (sinceRecord > maxRecordChars + 65536) {
                throw new IOException("a single row is longer than " + maxRecordChars + " characters");
            }
        }
    }
}
