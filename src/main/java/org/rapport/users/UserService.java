package org.rapport.users;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.rapport.platform.security.Passwords;
import org.rapport.platform.security.Role;
import org.rapport.platform.errors.Conflict;
import org.rapport.platform.errors.InvalidInput;
import org.rapport.team.TeamService;

import java.util.Optional;

/** Logins: created by an admin, tied to a salesperson unless they are admins. */
@ApplicationScoped
public class UserService {

    @Inject
    UserMapper mapper;

    @Inject
    Passwords passwords;

    @Inject
    TeamService team;

    public Optional<User> findByUsername(String username) {
        return mapper.findByUsername(username);
    }

    @Transactional
    public UserView create(CreateUserRequest request) {
        Passwords.requireStrong(request.password);
        Role role = request.roleValue();
        Long salespersonId = null;
        if (role != Role.ADMIN) {
            if (request.salesperson == null || request.salesperson.isBlank()) {
                throw new InvalidInput("salesperson: a " + role + " login must name the salesperson it acts for.");
            }
            salespersonId = team.idOf(request.salesperson)
                    .orElseThrow(() -> new InvalidInput("salesperson: there is no salesperson " + request.salesperson + "."));
        }
        if (mapper.findByUsername(request.username).isPresent()) {
            throw new Conflict("username: " + request.username + " is taken.");
        }
        mapper.insert(request.username, passwords.hash(request.password), role.name(), salespersonId);
        return new UserView(request.username, role.name(), role == Role.ADMIN ? null : request.salesperson);
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
        return true;
    }
}
