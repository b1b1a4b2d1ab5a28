package org.rapport.testing;

import java.util.UUID;

/** Builds CSV test files with ids unique to one test, so tests never see each other's rows. */
public final class Csv {

    private Csv() {
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Joins lines with CRLF, as RFC 4180 writes them. */
    public static String lines(String... lines) {
        return String.join("\r\n", lines) + "\r\n";
    }
}
