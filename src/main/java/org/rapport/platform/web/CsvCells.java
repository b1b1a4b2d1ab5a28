package org.rapport.platform.web;

/**
 * Cells for a CSV export that people open in a spreadsheet. A text cell beginning with {@code =}, {@code +}, {@code -},
 * {@code @}, a tab or a carriage return would be run as a formula (a customer named {@code =HYPERLINK(…)}), so it gets
 * a leading apostrophe, as OWASP's "CSV Injection" guidance recommends; quoting is left to the CSV printer. Numbers
 * carry no formula and stay as they are.
 */
public final class CsvCells {

    private static final String FORMULA_STARTS = "=+-@\t\r";

    private CsvCells() {
    }

    /** The values of one record, each made safe. */
    public static Object[] of(Object... values) {
        Object[] cells = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            cells[i] = cell(values[i]);
        }
        return cells;
    }

    static Object cell(Object value) {
        if (value == null || value instanceof Number) {
            return value;
        }
        String text = value.toString();
        return !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
