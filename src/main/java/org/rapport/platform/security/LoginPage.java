package org.rapport.platform.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.rapport.platform.pages.Home;
import org.rapport.platform.pages.Texts;

import java.io.IOException;
import java.time.Duration;

/**
 * The login form ({@code /login}, fields {@code username} and {@code password}) and sign-out. The check itself is
 * {@link Authentication}'s, through {@code SecurityContext.authenticate}, so pages and the API share one mechanism and
 * one throttle. After login the browser goes where it was going ({@code next}, a path of this site only) or home.
 */
@Named
@RequestScoped
public class LoginPage {

    @Inject
    SecurityContext security;

    @Inject
    FacesContext faces;

    @Inject
    Texts texts;

    private String username;
    private String password;
    private String next;

    public void signIn() throws IOException {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        AuthenticationStatus status = security.authenticate(request, (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams().newAuthentication(true)
                        .credential(new UsernamePasswordCredential(username == null ? "" : username, new Password(password == null ? "" : password))));
        password = null;
        switch (status) {
            case SUCCESS -> external.redirect(request.getContextPath() + (isLocalPath(next) ? next : Home.of(security)));
            case SEND_CONTINUE -> faces.responseComplete();
            default -> {
                Object blocked = request.getAttribute(Authentication.BLOCKED_FOR);
                String text = blocked instanceof Duration wait
                        ? texts.format("login.blocked", Math.max(1, wait.toSeconds()))
                        : texts.get("login.failed");
                faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
            }
        }
    }

    public void signOut() throws IOException, ServletException {
        ExternalContext external = faces.getExternalContext();
        ((HttpServletRequest) external.getRequest()).logout();
        external.invalidateSession();
        external.redirect(external.getRequestContextPath() + "/login");
    }

    /** Only a path on this site: never another host ({@code //evil}, {@code /\evil}) or a scheme. */
    static boolean isLocalPath(String target) {
        return target != null && target.startsWith("/") && !target.startsWith("//") && !target.startsWith("/\\")
                && target.chars().noneMatch(c -> c < 0x20 || c == '\\') && !target.startsWith("/login");
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getNext() {
        return next;
    }

    public void setNext(String next) {
        this.next = next;
    }
}
