package org.rapport.platform.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import org.rapport.users.UserService;

import java.security.Principal;

/** The logged-in user of the current request and the records they may reach. */
@RequestScoped
public class Viewer {

    @Inject
    SecurityContext security;

    @Inject
    UserService users;

    @Inject
    HttpServletRequest request;

    private AuthenticatedUser user;

    public AuthenticatedUser user() {
        if (user == null && request.getAttribute(AuthenticatedUser.class.getName()) instanceof AuthenticatedUser known) {
            user = known; // set by BasicAuthentication for this request: no second look-up
        }
        if (user == null) {
            Principal principal = security.getCallerPrincipal();
            if (principal == null) {
                // every resource that asks is @RolesAllowed, so authentication has run: reaching here is a wiring fault
                throw new IllegalStateException("No authenticated caller on a request that needs one.");
            }
            user = users.findByUsername(principal.getName())
                    .map(u -> new AuthenticatedUser(u.username(), u.role(), u.salespersonId(), u.salespersonExternalId()))
                    .orElseThrow(() -> new IllegalStateException("The authenticated caller " + principal.getName() + " has no login."));
        }
        return user;
    }

    public Access access() {
        return user().access();
    }
}
