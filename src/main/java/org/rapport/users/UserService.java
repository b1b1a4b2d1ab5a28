package org.rapport.users;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.rapport.audit.AuditKind;
import org.rapport.audit.AuditTrail;
import org.rapport.audit.Change;
import org.rapport.audit.Subject;
import org.rapport.platform.errors.Conflict;
import org.rapport.platform.errors.InvalidInput;
import org.rapport.platform.errors.NotAllowed;
import org.rapport.platform.errors.NotFound;
import org.rapport.platform.security.Account;
import org.rapport.platform.security.Accounts;
import org.rapport.platform.security.AuthenticatedUser;
import org.rapport.platform.security.Passwords;
import org.rapport.platform.security.Role;
import org.rapport.team.TeamService;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Logins: created, changed and disabled by an admin, tied to a salesperson unless they are admins. Authentication reads
 * every account afresh on each request, so a change here (disabled, new role, new password) holds from the next one.
 * Each change is on the audit trail, in its transaction: role, salesperson and whether the login is enabled (none of
 * them personal), and that a password was set, never the password or its hash.
 */
@ApplicationScoped
public class UserService implements Accounts {

    @Inject
    UserMapper mapper;

    @Inject
    Passwords passwords;

    @Inject
    TeamService team;

    @Inject
    AuditTrail audit;

    @Override
    public Optional<Account> find(String username) {
        return mapper.findByUsername(username);
    }

    public List<UserView> all() {
        return mapper.all().stream().map(UserView::of).toList();
    }

    /** Whether anyone may still log in for this salesperson (their calendar feed lives only as long as that). */
    public boolean hasEnabledLogin(long salespersonId) {
        return mapper.hasEnabledLogin(salespersonId);
    }

    @Transactional
    public UserView create(CreateUserRequest request) {
        Passwords.requireStrong(request.password);
        Role role = request.roleValue();
        Long salespersonId = salespersonFor(role, request.salesperson);
        if (mapper.findByUsername(request.username).isPresent()) {
            throw new Conflict("username: " + request.username + " is taken.");
        }
        mapper.insert(request.username, passwords.hash(request.password), role.name(), salespersonId);
        UserView created = UserView.of(existing(request.username));
        audit.record(AuditKind.USER_CREATED, login(created.username()), Change.to(state(created)));
        return created;
    }

    @Transactional
    public UserView update(String username, UpdateUserRequest request) {
        Role role = request.roleValue();
        return change(existing(username), role, salespersonFor(role, request.salesperson), request.enabled);
    }

    /**
     * Sets a login's role and salesperson; whether it may log in stays as stored
     * when this runs, so an admin page drawn before another admin disabled the login does not enable it again.
     */
    @Transactional
    public UserView assign(String username, RoleRequest request) {
        Account account = lockedForChange(username);
        Role role = request.roleValue();
        return change(account, role, salespersonFor(role, request.salesperson), account.enabled());
    }

    /** Enables or disables a login; its role and salesperson stay as stored when this runs. */
    @Transactional
    public UserView enable(String username, boolean enabled) {
        Account account = lockedForChange(username);
        return change(account, account.role(), account.role() == Role.ADMIN ? null : account.salespersonId(), enabled);
    }

    /**
     * The login's row as stored now, locked until the transaction ends. The enabled admins' rows are locked first, as
     * {@link #change} locks them: every change takes its locks in one order, so two at once wait instead of deadlocking.
     */
    private Account lockedForChange(String username) {
        mapper.lockEnabledAdmins();
        return mapper.lockByUsername(username).orElseThrow(() -> new NotFound("There is no login " + username + "."));
    }

    /** Stores the login's role, salesperson and whether it may log in; never leaves no enabled admin. */
    private UserView change(Account account, Role role, Long salespersonId, boolean enabled) {
        boolean staysAdmin = role == Role.ADMIN && enabled;
        if (!staysAdmin) {
            // decided on the locked rows, not on the account read above: a concurrent demotion may have committed since
            List<Long> admins = mapper.lockEnabledAdmins();
            if (admins.equals(List.of(account.id()))) {
                throw new Conflict(account.username() + " is the last enabled admin; enable or create another admin first.");
            }
        }
        mapper.update(account.id(), role.name(), salespersonId, enabled);
        UserView after = UserView.of(existing(account.username()));
        Change change = Change.between(state(UserView.of(account)), state(after));
        if (!change.after().isEmpty()) {
            audit.record(account.enabled() && !enabled ? AuditKind.USER_DISABLED : AuditKind.USER_CHANGED,
                    login(account.username()), change);
        }
        return after;
    }

    @Transactional
    public void resetPassword(String username, String password) {
        Passwords.requireStrong(password);
        Account account = existing(username);
        mapper.updatePassword(account.id(), passwords.hash(password));
        audit.record(AuditKind.USER_CHANGED, login(account.username()), PASSWORD_SET);
    }

    @Transactional
    public void changeOwnPassword(AuthenticatedUser me, OwnPasswordRequest request) {
        Account account = existing(me.username());
        if (!passwords.verify(request.currentPassword, account.passwordHash())) {
            throw new NotAllowed("current_password: this is not your current password.");
        }
        Passwords.requireStrong(request.newPassword);
        mapper.updatePassword(account.id(), passwords.hash(request.newPassword));
        audit.record(AuditKind.USER_CHANGED, login(account.username()), PASSWORD_SET);
    }

    /** Creates a login at start-up if the user name is free; returns whether it did. */
    @Transactional
    public boolean createIfAbsent(String username, String password, Role role, String salesperson) {
        if (mapper.findByUsername(username).isPresent()) {
            return false;
        }
        Passwords.requireStrong(password);
        Long salespersonId = salesperson == null ? null : team.idOf(salesperson).orElse(null);
        mapper.insert(username, passwords.hash(password), role.name(), salespersonId);
        UserView created = UserView.of(existing(username));
        audit.record(AuditKind.USER_CREATED, login(created.username()), Change.to(state(created)));
        return true;
    }

    /** Removes a login that still has this (public) password; returns whether it did. */
    @Transactional
    public boolean removeIfPassword(String username, String password) {
        Optional<Account> account = mapper.findByUsername(username);
        if (account.isEmpty() || !passwords.verify(password, account.get().passwordHash())) {
            return false;
        }
        mapper.delete(account.get().id());
        audit.record(AuditKind.USER_REMOVED, login(account.get().username()), new Change(state(UserView.of(account.get())), Map.of()));
        return true;
    }

    private static final Change PASSWORD_SET = Change.to(Map.of("password", "set"));

    private static Subject login(String username) {
        return Subject.of("login", username);
    }

    /** What the audit trail shows of a login. */
    private static Map<String, Object> state(UserView user) {
        return Change.state("role", user.role(), "salesperson", user.salesperson(), "enabled", user.enabled());
    }

    private Account existing(String username) {
        return mapper.findByUsername(username).orElseThrow(() -> new NotFound("There is no login " + username + "."));
    }

    private Long salespersonFor(Role role, String salesperson) {
        if (role == Role.ADMIN) {
            if (salesperson != null && !salesperson.isBlank()) {
                throw new InvalidInput("salesperson: an ADMIN login acts for no salesperson; leave it out.");
            }
            return null;
        }
        if (salesperson == null || salesperson.isBlank()) {
            throw new InvalidInput("salesperson: a " + role + " login must name the salesperson it acts for.");
        }
        return team.idOf(salesperson).orElseThrow(() -> new InvalidInput("salesperson: there is no salesperson " + salesperson + "."));
    }
}
