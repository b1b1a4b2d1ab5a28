package org.rapport.categories;

/** A rule of the taxonomy one category breaks: which category, which field ({@code code}, {@code name}, {@code parent}, {@code synonyms}) and why. */
public record Flaw(String code, String field, String value, String reason) {
}
