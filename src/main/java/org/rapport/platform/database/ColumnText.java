package org.rapport.platform.database;

/**
 * Text written to a column of limited width that must never fail for being long (an explanation naming four long
 * company names, a call's reason): its start and "…" within the width. The width counts code points, as a MariaDB
 * {@code VARCHAR} of utf8mb4 counts characters, and no surrogate pair is cut in two.
 */
public final class ColumnText {

    private ColumnText() {
    }

    /** The text, or its start and "…" within {@code width} characters. */
    public static String fitted(String text, int width) {
        if (width < 1) {
            throw new IllegalArgumentException("A column holds at least one character, not " + width);
        }
        if (text.codePointCount(0, text.length()) <= width) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, width - 1)) + "…";
    }
}
