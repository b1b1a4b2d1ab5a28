package org.rapport.users;

import org.rapport.platform.security.Account;
import org.rapport.platform.security.Role;

/** A login as the API shows it (never its hash). */
public record UserView(String username, String role, String salesperson, boolean enabled) implements java.io.Serializable {

    static UserView of(Account a) {
        return new UserView(a.username(), a.role().name(), a.role() == Role.ADMIN ? null : a.salespersonExternalId(), a.enabled());
    }
}
