package org.rapport.platform.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import org.rapport.platform.errors.NotAllowed;

import java.security.Principal;

/** The logged-in user of the current request and the records they may reach. */
@RequestScoped
public class Viewer {

    @Inject
    SecurityContext security;

    @Inject
    Accounts accounts;

    @Inject
    HttpServletRequest request;

    private AuthenticatedUser user;

    public AuthenticatedUser user() {
        if (user == null && request.getAttribute(AuthenticatedUser.class.getName()) instanceof AuthenticatedUser known) {
            user = known; // set by Authentication for this request: no second look-up
        }
        if (user == null) {
            Principal principal = security.getCallerPrincipal();
            if (principal == null) {
                // every resource that asks is @RolesAllowed, so authentication has run: reaching here is a wiring fault
                throw new IllegalStateException("No authenticated caller on a request that needs one.");
            }
            user = accounts.find(principal.getName()).filter(Account::enabled).map(Account::user)
                    .orElseThrow(() -> new NotAllowed("The login " + principal.getName() + " is disabled."));
        }
        return user;
    }

    public Access access() {
        return user().access();
    }
}
