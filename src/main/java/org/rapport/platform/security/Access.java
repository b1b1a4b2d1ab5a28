package org.rapport.platform.security;

import java.util.Objects;

/**
 * The one access policy: whose records a caller may read and change, taken from the login and never from a request.
 * An admin reaches everything; a salesperson the records of customers they own; a manager also those of the
 * salespeople who report to them. A SALES or MANAGER login without a salesperson reaches nothing: every check fails
 * closed. Java asks {@link #reaches}; SQL applies the same rule through the one fragment
 * {@code org.rapport.platform.security.Access.reaches} (Access.xml), which reads {@code everything},
 * {@code salespersonId} and {@code team}.
 */
public record Access(Role role, Long salespersonId) {

    /** For work the service does itself (jobs, the calendar feed) and for admins. */
    public static final Access EVERYTHING = new Access(Role.ADMIN, null);

    public Access {
        Objects.requireNonNull(role, "role");
    }

    public boolean isEverything() {
        return role == Role.ADMIN;
    }

    /** A manager reaches their team: the salespeople whose manager they are. */
    public boolean isTeam() {
        return role == Role.MANAGER;
    }

    /**
     * Whether records owned by salesperson {@code ownerId}, who reports to {@code ownerManagerId}, are within reach.
     * Records without an owner are an admin's only.
     */
    public boolean reaches(Long ownerId, Long ownerManagerId) {
        if (isEverything()) {
            return true;
        }
        if (salespersonId == null || ownerId == null) {
            return false;
        }
        return salespersonId.equals(ownerId) || (isTeam() && salespersonId.equals(ownerManagerId));
    }

    /**
     * Whether the caller decides about an escalated call held by a salesperson who reports to {@code holderManagerId}:
     * an admin, or that manager (never a salesperson, not even the holder: the escalation is the manager's to settle).
     */
    public boolean decidesEscalationsOf(Long holderManagerId) {
        if (isEverything()) {
            return true;
        }
        return isTeam() && salespersonId != null && salespersonId.equals(holderManagerId);
    }

    /** Whether the caller is the salesperson named as {@code backupId}, who covers a colleague while they are away. */
    public boolean isBackup(Long backupId) {
        return salespersonId != null && salespersonId.equals(backupId);
    }
}
