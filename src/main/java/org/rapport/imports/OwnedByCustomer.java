package org.rapport.imports;

/** A row that belongs to a customer, named by the customer's external id. */
public interface OwnedByCustomer {

    String externalId();

    String customer();

    /** The {@link ImportHash} of the row's imported values. */
    byte[] importHash();
}
