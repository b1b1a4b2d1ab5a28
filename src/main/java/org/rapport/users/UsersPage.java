package org.rapport.users;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.rapport.platform.pages.Feedback;
import org.rapport.platform.pages.Texts;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code /admin/users}: the logins, for admins. Every change goes through {@link UserService} with the API's request
 * classes, checked by the same Bean Validation constraints, so a page cannot store what the API refuses; a refusal is
 * shown next to the field it names ({@code "username: … is taken."} next to the user name). The last enabled admin
 * cannot be disabled or demoted: that is the service's rule, and the page shows its message.
 * <p>
 * View-scoped, so that a button in row 3 acts on the login the admin saw in row 3, even when another admin has added a
 * login since the page was drawn. A row's Save writes role and salesperson as shown ({@link UserService#assign}; the
 * last save wins on those two), its own button the enabled flag ({@link UserService#enable}); the rest stays as stored
 * when the service runs, not as the page showed it: saving a role does not enable again a login another admin disabled
 * meanwhile.
 */
@Named
@ViewScoped
public class UsersPage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The form that creates a login, and the id of each of its fields. */
    static final String CREATE = "create";

    @Inject
    UserService users;

    @Inject
    Feedback feedback;

    @Inject
    Texts texts;

    private final NewLogin created = new NewLogin();
    private List<UserView> all;
    private Map<String, Edit> edits;

    /** What the page may change on one login: read from the list, written by the row's fields. */
    public static class Edit implements Serializable {
        private static final long serialVersionUID = 1L;
        private String role;
        private String salesperson;
        private String password;

        public String getRole() {
            return role;
        }

        public void setRole(String role) {
            this.role = role;
        }

        public String getSalesperson() {
            return salesperson;
        }

        public void setSalesperson(String salesperson) {
            this.salesperson = salesperson;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }
    }

    /** At most this many logins are drawn; a search ({@code ?q=}) narrows the list (a big company has thousands). */
    static final int MAX_ROWS = 50;

    private String query;
    private int matching;

    /** The logins whose user name contains the search (all without one), the first {@link #MAX_ROWS} by name. */
    public List<UserView> getAll() {
        if (all == null) {
            String q = query == null ? "" : query.strip().toLowerCase(java.util.Locale.ROOT);
            List<UserView> found = users.all().stream().filter(u -> u.username().toLowerCase(java.util.Locale.ROOT).contains(q)).toList();
            matching = found.size();
            all = found.stream().limit(MAX_ROWS).toList();
        }
        return all;
    }

    /** How many logins match the search, drawn or not. */
    public int getMatching() {
        getAll();
        return matching;
    }

    public int getMaxRows() {
        return MAX_ROWS;
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }

    public Map<String, Edit> getEdits() {
        if (edits == null) {
            edits = new LinkedHashMap<>();
            for (UserView user : getAll()) {
                Edit edit = new Edit();
                edit.role = user.role();
                edit.salesperson = user.salesperson();
                edits.put(user.username(), edit);
            }
        }
        return edits;
    }

    public List<String> getRoles() {
        return List.of("SALES", "MANAGER", "ADMIN");
    }

    /** The new-login form's fields (the API's request has public fields, which pages may read but not write). */
    public static class NewLogin implements Serializable {
        private static final long serialVersionUID = 1L;
        private String username;
        private String password;
        private String role;
        private String salesperson;

        public String getUsername() {
            return username;
        }

        public void setUsername(String username) {
            this.username = username;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }

        public String getRole() {
            return role;
        }

        public void setRole(String role) {
            this.role = role;
        }

        public String getSalesperson() {
            return salesperson;
        }

        public void setSalesperson(String salesperson) {
            this.salesperson = salesperson;
        }
    }

    public NewLogin getCreated() {
        return created;
    }

    public void create() {
        CreateUserRequest request = new CreateUserRequest();
        request.username = created.username;
        request.password = created.password;
        request.role = created.role;
        request.salesperson = blankToNull(created.salesperson);
        created.password = null;
        String prefix = CREATE + ":";
        if (!feedback.valid(request, field -> prefix + field)) {
            return;
        }
        feedback.attemptFields(withPassword(prefix), () -> users.create(request)).ifPresent(user -> {
            feedback.info(texts.format("users.created", user.username()));
            created.username = null;
            created.salesperson = null;
            reload();
        });
    }

    /**
     * Saves the role and salesperson of the login in row {@code row} (its index in the list, for the fields' ids);
     * whether it may log in stays as stored.
     */
    public void save(String username, int row) {
        Edit edit = getEdits().get(username);
        RoleRequest request = new RoleRequest();
        request.role = edit.role;
        request.salesperson = blankToNull(edit.salesperson);
        String prefix = rowPrefix(row);
        if (feedback.valid(request, field -> prefix + field)) {
            saved(feedback.attemptFields(path -> path.isEmpty() ? null : prefix + Feedback.camelCase(path),
                    () -> users.assign(username, request)));
        }
    }

    /** Disables a login shown enabled, enables one shown disabled; role and salesperson stay as stored. */
    public void toggle(String username, int row) {
        boolean enable = !find(username).enabled();
        saved(feedback.attemptFields(path -> null, () -> users.enable(username, enable)));
    }

    public void resetPassword(String username, int row) {
        Edit edit = getEdits().get(username);
        String prefix = rowPrefix(row);
        PasswordRequest request = new PasswordRequest();
        request.password = edit.password;
        edit.password = null;
        if (!feedback.valid(request, field -> prefix + field)) {
            return;
        }
        feedback.attemptFields(path -> prefix + "password", () -> {
            users.resetPassword(username, request.password);
            return username;
        }).ifPresent(u -> feedback.info(texts.format("users.passwordSet", u)));
    }

    private void saved(java.util.Optional<UserView> user) {
        user.ifPresent(u -> {
            feedback.info(texts.format("users.saved", u.username()));
            reload();
        });
    }

    /**
     * Where a refusal of a form with a password goes: next to the field it names ({@code "username: … is taken."}),
     * else next to the password: the refusals that name no field there are the weak password's
     * ({@code Passwords.requireStrong} speaks for every password field, so it names none).
     */
    static Function<String, String> withPassword(String prefix) {
        return path -> prefix + (path.isEmpty() ? "password" : Feedback.camelCase(path));
    }

    private UserView find(String username) {
        return getAll().stream().filter(u -> u.username().equals(username)).findFirst()
                .orElseThrow(() -> new org.rapport.platform.errors.NotFound("There is no login " + username + "."));
    }

    /** The client-id prefix of the fields in row {@code row} of the list ({@code users:list:3:}). */
    static String rowPrefix(int row) {
        return "users:list:" + row + ":";
    }

    private void reload() {
        all = null;
        edits = null;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
