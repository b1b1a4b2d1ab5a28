package org.rapport.users;

import org.rapport.platform.security.Role;

/** A login. SALES and MANAGER logins act for one salesperson. */
public record User(long id, String username, String passwordHash, Role role, Long salespersonId,
                   String salespersonExternalId, boolean enabled) {
}
