package org.rapport.imports;

/**
 * A row that was stored but will not do all a user may expect (a purchase in a currency without an exchange rate):
 * where (line, column), what (value) and why, as a {@link Rejection} says it.
 */
public record Warning(long line, String column, String value, String reason) implements java.io.Serializable {
}
