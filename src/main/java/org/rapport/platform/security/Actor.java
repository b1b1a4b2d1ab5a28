package org.rapport.platform.security;

/**
 * Who acted, as the audit trail names them: a login's id and name as they were at that moment, or the system (a job,
 * the start), which has neither. {@link Authentication} puts the request's actor on the request under {@link #ATTRIBUTE}.
 */
public record Actor(Long userId, String name) {

    public static final Actor SYSTEM = new Actor(null, null);
    public static final String ATTRIBUTE = Actor.class.getName();

    static Actor of(Account account) {
        return new Actor(account.id(), account.username());
    }
}
