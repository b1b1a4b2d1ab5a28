package org.rapport.imports;

/** A row that belongs to a customer, on its way into the database: the row, its customer's id and its import hash. */
public record ForCustomer<R>(R row, long customerId, byte[] hash) {
}
