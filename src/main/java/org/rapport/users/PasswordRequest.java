package org.rapport.users;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code PUT /api/users/{username}/password}: an admin sets a new password. */
public class PasswordRequest {

    @NotBlank @Size(max = 1024) public String password;
}
