package org.rapport.customers;

import java.util.Arrays;
import java.util.List;

/** Category codes as stored on the customer row: sorted, without duplicates, separated by ';'. */
final class Categories {

    private Categories() {
    }

    static String join(List<String> codes) {
        return String.join(";", codes.stream().distinct().sorted().toList());
    }

    /** The stored codes with {@code from} replaced by {@code into}: a customer who had both keeps {@code into} once. */
    static String replace(String stored, String from, String into) {
        return join(split(stored).stream().map(code -> code.equals(from) ? into : code).toList());
    }

    static List<String> split(String stored) {
        return stored == null || stored.isEmpty() ? List.of() : Arrays.asList(stored.split(";"));
    }
}
