package org.rapport.users;

import jakarta.validation.constraints.NotNull;

/** {@code PUT /api/users/{username}}: the login's role, the salesperson it acts for (not for ADMIN) and whether it may log in. */
public class UpdateUserRequest extends RoleRequest {

    @NotNull(message = "must be true or false") public Boolean enabled;
}
