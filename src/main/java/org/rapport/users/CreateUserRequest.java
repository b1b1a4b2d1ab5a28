package org.rapport.users;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.rapport.platform.security.Role;

/** {@code POST /api/users}. */
// A class with fields, not a record: Payara\'s OpenAPI scanner fails on constraints on record components.
public class CreateUserRequest implements java.io.Serializable {

    @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._@-]+", message = "letters, digits and . _ @ - only") public String username;

    @NotBlank @Size(max = 1024) public String password;

    @NotBlank @Pattern(regexp = "SALES|MANAGER|ADMIN", message = "must be SALES, MANAGER or ADMIN") public String role;

    @Size(max = 64) public String salesperson;

    Role roleValue() {
        return Role.valueOf(role);
    }
}
