package org.rapport.platform.security;

/**
 * Whose data a query may return, taken from the logged-in user and never from a request parameter. Mapper XML reads
 * {@code restricted}, {@code salespersonId} and {@code team}.
 */
public record Scope(Role role, Long salespersonId) {

    public static final Scope EVERYTHING = new Scope(Role.ADMIN, null);

    public boolean isRestricted() {
        return role != Role.ADMIN;
    }

    /** A manager sees the salespeople who report to them as well as their own customers. */
    public boolean isTeam() {
        return role == Role.MANAGER;
    }
}
