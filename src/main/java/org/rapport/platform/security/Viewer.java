package org.rapport.platform.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import org.rapport.platform.web.ApiException;
import org.rapport.users.UserService;

import java.security.Principal;

/** The logged-in user of the current request and the scope of data they may see. */
@RequestScoped
public class Viewer {

    @Inject
    SecurityContext security;

    @Inject
    UserService users;

    private AuthenticatedUser user;

    public AuthenticatedUser user() {
        if (user == null) {
            Principal principal = security.getCallerPrincipal();
            if (principal == null) {
                throw new ApiException(401, "Unauthorized", "Valid credentials are required.");
            }
            user = users.findByUsername(principal.getName())
                    .map(u -> new AuthenticatedUser(u.username(), u.role(), u.salespersonId(), u.salespersonExternalId()))
                    .orElseThrow(() -> new ApiException(401, "Unauthorized", "Valid credentials are required."));
        }
        return user;
    }

    public Scope scope() {
        return user().scope();
    }
}
