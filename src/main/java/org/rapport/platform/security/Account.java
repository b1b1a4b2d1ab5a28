package org.rapport.platform.security;

/** A stored login as authentication sees it. SALES and MANAGER logins act for one salesperson. */
public record Account(long id, String username, String passwordHash, Role role, Long salespersonId,
                      String salespersonExternalId, boolean enabled) {

    public AuthenticatedUser user() {
        return new AuthenticatedUser(username, role, salespersonId, salespersonExternalId);
    }
}
