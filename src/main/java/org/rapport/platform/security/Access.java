package org.rapport.platform.security;

import org.rapport.platform.errors.DomainException;
import org.rapport.platform.errors.NotAllowed;
import org.rapport.platform.errors.NotFound;

import java.util.Objects;
import java.util.Optional;

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

    /**
     * The team led by manager {@code managerId} as a reach (the manager and the salespeople who report to them), for a
     * report narrowed to one team: the same rule as a manager's own reach, in Java and in SQL.
     */
    public static Access teamOf(long managerId) {
        return new Access(Role.MANAGER, managerId);
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
     * Whether the caller decides rewards (approves, rejects, corrects) that count against team {@code teamId}'s budget:
     * an admin any team's; a manager their own team's (the team is named by its manager's id); nobody else, and no
     * manager a reward counting against no team. Who may see a reward ({@link #reaches}) follows its customer's current
     * owner; who decides follows the budget it is spent from, so no manager spends another team's.
     */
    public boolean decidesRewardsOf(Long teamId) {
        return runsTeam(teamId);
    }

    /**
     * Whether the caller reads and sends the polls of team {@code teamId} (its manager's salesperson id; null: a poll of
     * everyone): an admin every poll; a manager their own team's; nobody else. A manager's poll reaches only the
     * customers of their team.
     */
    public boolean runsPollsOf(Long teamId) {
        return runsTeam(teamId);
    }

    /** An admin, or the manager of team {@code teamId} (its manager's salesperson id). */
    private boolean runsTeam(Long teamId) {
        return isEverything() || (isTeam() && salespersonId != null && salespersonId.equals(teamId));
    }

    /**
     * How the caller decides about an escalated call held by salesperson {@code holderId}, who reports to
     * {@code managerId}; empty when they do not. An admin decides with their own access; so does that manager. While
     * the manager is away ({@code managerAway}), the backup the manager named ({@code managerBackupId}) decides in
     * their place, with the manager's reach (a call goes to someone of the manager's team). Nobody else: not a
     * colleague, not the holder (not even when the holder is the manager's backup), and for a holder without a manager
     * only an admin.
     */
    public Optional<Access> decidingEscalation(Long holderId, Long managerId, Long managerBackupId, boolean managerAway) {
        if (isEverything()) {
            return Optional.of(this);
        }
        if (salespersonId == null || managerId == null || salespersonId.equals(holderId)) {
            return Optional.empty();
        }
        if (isTeam() && salespersonId.equals(managerId)) {
            return Optional.of(this);
        }
        if (managerAway && salespersonId.equals(managerBackupId)) {
            return Optional.of(new Access(Role.MANAGER, managerId));
        }
        return Optional.empty();
    }

    /**
     * The answer for a record named by a sequential id (a call-list item, an outbox message) that the caller may not
     * act on: the same {@link NotAllowed} whether it belongs to someone else or does not exist at all, so that trying
     * ids tells nothing about other people's records. Only to an admin, who reaches everything, is an unknown id
     * {@link NotFound}.
     */
    public DomainException refusal(boolean exists, String unknown, String notYours) {
        return !exists && isEverything() ? new NotFound(unknown) : new NotAllowed(notYours);
    }

    /** Whether the caller is the salesperson named as {@code backupId}, who covers a colleague while they are away. */
    public boolean isBackup(Long backupId) {
        return salespersonId != null && salespersonId.equals(backupId);
    }
}
