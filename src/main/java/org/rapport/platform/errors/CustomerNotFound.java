package org.rapport.platform.errors;

/** No customer has this external id. */
public class CustomerNotFound extends NotFound {

    public CustomerNotFound(String externalId) {
        super("There is no customer '" + externalId + "'.");
    }
}
