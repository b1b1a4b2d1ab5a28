package org.rapport.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.rapport.platform.security.Actor;
import org.rapport.platform.security.LoggedIn;
import org.rapport.platform.security.LoginFailed;

/**
 * Logins as authentication reports them. They have no transaction of their own to join, and a refused one must be
 * recorded although nothing else is written, so each is recorded on its own. A refused login's actor is the name tried
 * (no login acted); its subject the stored login the name matched, if any.
 */
@ApplicationScoped
class LoginEvents {

    @Inject
    AuditTrail trail;

    void loggedIn(@Observes LoggedIn login) {
        trail.recordLogin(login.actor(), login.requestId(), AuditKind.LOGIN, Subject.of("login", login.actor().name()));
    }

    void failed(@Observes LoginFailed failure) {
        Actor tried = new Actor(null, failure.triedName());
        Subject subject = failure.account() == null ? Subject.NONE : Subject.of("login", failure.account());
        trail.recordLogin(tried, failure.requestId(), AuditKind.LOGIN_FAILED, subject);
        if (failure.lockedOut()) {
            trail.recordLogin(tried, failure.requestId(), AuditKind.LOCKED_OUT, subject);
        }
    }
}
