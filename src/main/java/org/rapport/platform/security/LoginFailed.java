package org.rapport.platform.security;

/**
 * A login was refused for a wrong name or password, or a disabled account (fired synchronously; the audit trail records
 * it). {@code triedName} is the name as typed; {@code account} the stored login it matched, if any;
 * {@code lockedOut} whether this failure began a lock-out of the account or the client address.
 */
public record LoginFailed(String triedName, String account, boolean lockedOut, String requestId) {
}
