package org.rapport.platform.security;

/** Who made this request, as far as access control cares. */
public record AuthenticatedUser(String username, Role role, Long salespersonId, String salespersonExternalId) {

    public Access access() {
        return new Access(role, salespersonId);
    }
}
