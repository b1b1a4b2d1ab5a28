package org.rapport.users;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code PUT /api/me/password}: the current password proves it is the owner at the keyboard, not an open session. */
public class OwnPasswordRequest {

    @NotBlank(message = "the current password is required") @Size(max = 1024) public String currentPassword;

    @NotBlank @Size(max = 1024) public String newPassword;
}
