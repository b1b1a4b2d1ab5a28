package org.rapport.audit;

/** What an audit event records. Stored by name: rename none, only add. */
public enum AuditKind {
    /** A sign-in on the login form (HTTP Basic API calls are not logins: see {@code Authentication}). */
    LOGIN,
    /** A refused password, form or HTTP Basic; the actor is the login the name matched, or {@code [unknown]}. */
    LOGIN_FAILED,
    /** A refused password that began a lock-out of the account or the client address. */
    LOCKED_OUT,
    USER_CREATED,
    /** A login's role, salesperson or password changed, or it was enabled again. */
    USER_CHANGED,
    USER_DISABLED,
    /** A demo login removed at start (it still had its public password). */
    USER_REMOVED,
    RULES_CHANGED,
    HOLIDAYS_CHANGED,
    CATEGORIES_CHANGED,
    /** A CSV file imported: its SHA-256 and counts, and whether it was read to the end. */
    IMPORT,
    /** One side of an introduction approved, or both (the stage then APPROVED). */
    INTRODUCTION_APPROVED,
    INTRODUCTION_DECLINED,
    REWARD_APPROVED,
    REWARD_REJECTED,
    REWARD_FULFILLED,
    MESSAGE_RESENT,
    CUSTOMER_EXPORTED,
    CUSTOMER_ERASED,
    CALENDAR_LINK_ROTATED,
    /** A poll defined: its questions, audience, sample and dates. */
    POLL_DEFINED,
    /** A poll sent to its sample (by its schedule or by hand): how many were selected and why others were left out. */
    POLL_SENT
}
