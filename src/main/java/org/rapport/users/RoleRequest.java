package org.rapport.users;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.rapport.platform.security.Role;

/**
 * A login's role and the salesperson it acts for (not for ADMIN): what a row of {@code /admin/users} changes, leaving
 * whether the login may log in as stored ({@link UserService#assign}). The API's {@link UpdateUserRequest} adds that.
 */
public class RoleRequest {

    @NotBlank @Pattern(regexp = "SALES|MANAGER|ADMIN", message = "must be SALES, MANAGER or ADMIN") public String role;

    @Size(max = 64) public String salesperson;

    Role roleValue() {
        return Role.valueOf(role);
    }
}
