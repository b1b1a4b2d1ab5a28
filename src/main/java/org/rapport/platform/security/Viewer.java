package org.rapport.platform.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import org.rapport.platform.web.ApiException;

import java.security.Principal;

/** The logged-in user of the current request and the scope of data they may see. */
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
            user = known; // set by BasicAuthentication for this request: no second look-up
        }
        if (user == null) {
            Principal principal = security.getCallerPrincipal();
            if (principal == null) {
                throw new ApiException(401, "Unauthorized", "Valid credentials are required.");
            }
            user = accounts.find(principal.getName()).filter(Account::enabled).map(Account::user)
                    .orElseThrow(() -> new ApiException(401, "Unauthorized", "Valid credentials are required."));
        }
        return user;
    }

    public Scope scope() {
        return user().scope();
    }
}
