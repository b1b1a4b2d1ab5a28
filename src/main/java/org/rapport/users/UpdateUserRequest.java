package org.rapport.users;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.rapport.platform.security.Role;

/** {@code PUT /api/users/{username}}: the login's role, the salesperson it acts for (not for ADMIN) and whether it may log in. */
public class UpdateUserRequest {

    @NotBlank @Pattern(regexp = "SALES|MANAGER|ADMIN", message = "must be SALES, MANAGER or ADMIN") public String role;

    @Size(max = 64) public String salesperson;

    @NotNull(message = "must be true or false") public Boolean enabled;

    Role roleValue() {
        return Role.valueOf(role);
    }
}
