package org.rapport.platform.security;

/** A person signed in on the login form (fired synchronously; the audit trail records it). */
public record LoggedIn(Actor actor, String requestId) {
}
