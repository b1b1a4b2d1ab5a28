package org.rapport.privacy;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every table that names a customer, and what the export does with it: read by a section ({@link ExportSection}), or
 * left out on purpose with the reason. A test compares this with the schema, so that a new table with a customer id is
 * not forgotten by the export and the erasure.
 */
public final class CustomerTables {

    /** Tables with a customer id that no section exports, and why. */
    public static final Map<String, String> NOT_EXPORTED = Map.of(
            "customer_erasure", "the record of an erasure: the admin's reason and a hash of the external id, no data of the customer's");

    private CustomerTables() {
    }

    /** The tables the sections read. */
    public static Set<String> exported() {
        Set<String> tables = new TreeSet<>();
        Arrays.stream(ExportSection.values()).forEach(s -> tables.addAll(s.tables()));
        return tables;
    }
}
