package org.rapport.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.rapport.platform.security.Actor;
import org.rapport.platform.security.LoggedIn;
import org.rapport.platform.security.LoginFailed;

/**
 * Logins as authentication reports them. They have no transaction of their own to join, and a refused one must be
 * recorded although nothing else is written, so each is recorded on its own. A refused login's actor is the stored
 * login the name matched, if any; a name that matches none is written as {@link #UNKNOWN}, never as typed: people type
 * their password into the user-name field, and the trail is read by every admin and can never be cleaned.
 */
@ApplicationScoped
class LoginEvents {

    @Inject
    AuditTrail trail;

    void loggedIn(@Observes LoggedIn login) {
        trail.recordLogin(login.actor(), login.requestId(), AuditKind.LOGIN, Subject.of("login", login.actor().name()));
    }

    static final String UNKNOWN = "[unknown]";

    void failed(@Observes LoginFailed failure) {
        Actor tried = new Actor(null, failure.account() == null ? UNKNOWN : failure.account());
        Subject subject = failure.account() == null ? Subject.NONE : Subject.of("login", failure.account());
        trail.recordLogin(tried, failure.requestId(), AuditKind.LOGIN_FAILED, subject);
        if (failure.lockedOut()) {
            trail.recordLogin(tried, failure.requestId(), AuditKind.LOCKED_OUT, subject);
        }
    }
}
