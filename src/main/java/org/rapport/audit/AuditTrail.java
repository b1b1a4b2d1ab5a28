package org.rapport.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import org.rapport.platform.errors.NotAllowed;
import org.rapport.platform.security.Access;
import org.rapport.platform.security.Actor;

import java.time.Clock;
import java.util.List;

/**
 * The one writer of the audit trail. The actor and the request id come from the current request (the login
 * {@code Authentication} put there; the system, without a request id, in a job); the moment from the injected clock;
 * personal values are redacted ({@link Redaction}) before anything is written.
 * <ul>
 * <li>{@link #record} joins the caller's transaction, and requires one: the event commits with the change it records,
 * and a change rolled back leaves no event.</li>
 * <li>{@link #recordOnItsOwn} writes in a transaction of its own, for what has no single transaction: an import
 * (each batch commits on its own) and refused logins.</li>
 * </ul>
 */
@ApplicationScoped
public class AuditTrail {

    /** {@code audit_event.actor_name}: a longer name is cut to it. */
    static final int ACTOR_NAME_LENGTH = 64;

    @Inject
    AuditMapper mapper;

    @Inject
    RequestOrigin origin;

    @Inject
    Clock clock;

    /** Records {@code kind} about {@code subject} in the caller's transaction (there must be one). */
    @Transactional(TxType.MANDATORY)
    public void record(AuditKind kind, Subject subject, Change change) {
        RequestOrigin.Origin now = origin.current();
        write(now.actor(), now.requestId(), kind, subject, change);
    }

    /** Records {@code kind} about {@code subject} in a transaction of its own, committed whatever the caller's does. */
    @Transactional(TxType.REQUIRES_NEW)
    public void recordOnItsOwn(AuditKind kind, Subject subject, Change change) {
        RequestOrigin.Origin now = origin.current();
        write(now.actor(), now.requestId(), kind, subject, change);
    }

    /** A login event, whose actor authentication names (the request's actor is not known yet, or is no one). */
    @Transactional(TxType.REQUIRES_NEW)
    void recordLogin(Actor actor, String requestId, AuditKind kind, Subject subject) {
        write(actor, requestId, kind, subject, Change.NONE);
    }

    /**
     * Newest first, one page; {@code next} is the cursor of the following page, or {@code null} after the last. Only an
     * admin reads the trail (the API and the page are admin-only too; this holds should another caller appear).
     */
    public EventPage search(Access access, AuditFilter filter) {
        if (!access.isEverything()) {
            throw new NotAllowed("Only an admin reads the audit trail.");
        }
        List<AuditEvent> rows = mapper.search(filter, filter.limit() + 1);
        boolean more = rows.size() > filter.limit();
        List<AuditEvent> page = more ? rows.subList(0, filter.limit()) : rows;
        return new EventPage(List.copyOf(page), more ? String.valueOf(page.get(page.size() - 1).id()) : null);
    }

    /** One page of events, and the cursor of the next ({@code null}: no more). */
    public record EventPage(List<AuditEvent> events, String next) {
    }

    private void write(Actor actor, String requestId, AuditKind kind, Subject subject, Change change) {
        mapper.insert(clock.instant(), actor.userId(), cut(actor.name()), kind.name(), subject.type(), subject.id(),
                StateJson.write(Redaction.of(change.before())), StateJson.write(Redaction.of(change.after())), requestId);
    }

    /** At most the column's width in characters, never half of a character outside the BMP. */
    static String cut(String name) {
        if (name == null || name.length() <= ACTOR_NAME_LENGTH) {
            return name;
        }
        int end = Character.isHighSurrogate(name.charAt(ACTOR_NAME_LENGTH - 1)) ? ACTOR_NAME_LENGTH - 1 : ACTOR_NAME_LENGTH;
        return name.substring(0, end);
    }
}
