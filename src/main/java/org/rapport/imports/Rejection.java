package org.rapport.imports;

/** One reason a row was not stored: where (line, column), what (value) and why. */
public record Rejection(long line, String column, String value, String reason) implements java.io.Serializable {

    private static final int MAX_VALUE_CHARS = 200;

    public Rejection {
        if (value != null && value.length() > MAX_VALUE_CHARS) {
            value = value.substring(0, MAX_VALUE_CHARS) + "… (" + value.length() + " characters)";
        }
    }
}
