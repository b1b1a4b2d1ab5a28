package org.rapport.imports;

import org.rapport.platform.errors.InvalidInput;

/** The file as a whole cannot be imported (no header, a required column missing): nothing was stored. */
public class CsvFormatException extends InvalidInput {
    public CsvFormatException(String detail) {
        super("Unusable CSV file", detail);
    }
}
