package org.rapport.users;

import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.faces.view.ViewScoped;
import org.rapport.platform.errors.DomainException;
import org.rapport.platform.pages.Feedback;
import org.rapport.platform.pages.Texts;
import org.rapport.platform.security.WeakPasswordException;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /admin/users}: the logins, for admins. Every change goes through {@link UserService} with the API's request
 * classes, checked by the same Bean Validation constraints, so a page cannot store what the API refuses; a refusal is
 * shown next to the field it names ({@code "username: … is taken."} next to the user name). The last enabled admin
 * cannot be disabled or demoted: that is the service's rule, and the page shows its message.
 * <p>
 * View-scoped, so that a button in row 3 acts on the login the admin saw in row 3, even when another admin has added a
 * login since the page was drawn.
 */
@Named
@ViewScoped
public class UsersPage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Thread-safe and without state of its own; the API's constraints, checked the same way. */
    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

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
        if (!valid(request, CREATE + ":")) {
            return;
        }
        feedback.attemptAt(e -> fieldOf(e, CREATE + ":"), () -> users.create(request)).ifPresent(user -> {
            feedback.info(texts.format("users.created", user.username()));
            created.username = null;
            created.salesperson = null;
            reload();
        });
    }

    /** Saves the role and salesperson of the login in row {@code row} (its index in the list, for the fields' ids). */
    public void save(String username, int row) {
        Edit edit = getEdits().get(username);
        change(username, row, edit.role, blankToNull(edit.salesperson), enabled(username));
    }

    /** Disables an enabled login, enables a disabled one; role and salesperson stay as stored. */
    public void toggle(String username, int row) {
        UserView user = find(username);
        change(username, row, user.role(), user.salesperson(), !user.enabled());
    }

    public void resetPassword(String username, int row) {
        Edit edit = getEdits().get(username);
        String prefix = rowPrefix(row);
        PasswordRequest request = new PasswordRequest();
        request.password = edit.password;
        edit.password = null;
        if (!valid(request, prefix)) {
            return;
        }
        feedback.attemptAt(e -> prefix + "password", () -> {
            users.resetPassword(username, request.password);
            return username;
        }).ifPresent(u -> feedback.info(texts.format("users.passwordSet", u)));
    }

    private void change(String username, int row, String role, String salesperson, boolean enabled) {
        UpdateUserRequest request = new UpdateUserRequest();
        request.role = role;
        request.salesperson = salesperson;
        request.enabled = enabled;
        String prefix = rowPrefix(row);
        if (!valid(request, prefix)) {
            return;
        }
        feedback.attemptAt(e -> fieldOf(e, prefix), () -> users.update(username, request)).ifPresent(user -> {
            feedback.info(texts.format("users.saved", user.username()));
            reload();
        });
    }

    /** The API's Bean Validation constraints of {@code request}, each shown next to its field. */
    private boolean valid(Object request, String prefix) {
        Set<ConstraintViolation<Object>> violations = VALIDATOR.validate(request);
        for (ConstraintViolation<Object> v : violations) {
            String field = v.getPropertyPath().toString();
            feedback.error(prefix + field, texts.get("users.invalid"), field + ": " + v.getMessage());
        }
        return violations.isEmpty();
    }

    /**
     * The field a service's refusal is about: the one its detail starts with ({@code "salesperson: …"}), the password
     * for a weak one, else the row (or form) as a whole.
     */
    static String fieldOf(DomainException e, String prefix) {
        if (e instanceof WeakPasswordException) {
            return prefix + "password";
        }
        String detail = e.getMessage() == null ? "" : e.getMessage();
        for (String field : List.of("username", "password", "role", "salesperson")) {
            if (detail.startsWith(field + ":")) {
                return prefix + field;
            }
        }
        return null;
    }

    private boolean enabled(String username) {
        return find(username).enabled();
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
