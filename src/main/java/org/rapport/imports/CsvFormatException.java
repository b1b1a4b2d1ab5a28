package org.rapport.imports;

import org.rapport.platform.web.ApiException;

/** The file as a whole cannot be imported (no header, a required column missing): nothing was stored. */
public class CsvFormatException extends ApiException {
    public CsvFormatException(String detail) {
        super(400, "Unusable CSV file", detail);
    }
}
