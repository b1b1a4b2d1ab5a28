package org.rapport.platform.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.annotation.Metric;
import org.rapport.platform.web.Problem;
import org.rapport.platform.web.RequestId;
import org.rapport.platform.web.SecurityHeaders;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;

/**
 * The one way in, for the API and the pages alike, against the users in the database and behind one throttle.
 * <ul>
 * <li>The API ({@code /api/*}) takes HTTP Basic on every request and never a session: a page's cookie cannot act on
 * the API, so the API needs no CSRF defence.</li>
 * <li>Pages sign in through the login form ({@link LoginPage} calls {@code SecurityContext.authenticate} with the
 * typed credentials), and are then known by their session. Each request re-reads the account, so a disabled login, a
 * changed role or a new password takes effect on the next click.</li>
 * </ul>
 * Wrong user, wrong password and a disabled login fail alike; a throttled caller is refused whether the user exists or
 * not (API: 429 with Retry-After; login form: {@link #BLOCKED_FOR} for the page to say how long). Behind a reverse proxy
 * listed in {@code rapport.trusted-proxies}, the throttle counts the client named in {@code X-Forwarded-For}.
 * <p>
 * For the audit trail it fires {@link LoggedIn} for a sign-in on the login form, and {@link LoginFailed} for every
 * refused password, form or HTTP Basic, saying whether it began a lock-out. A successful HTTP Basic check is no event:
 * the API authenticates every request that way, so it would record each call rather than a login; what an API call
 * changes is recorded by the change's own event, with the caller as its actor. A caller refused while locked out is
 * not recorded either: no password was checked, and the lock-out itself was. The request's {@link Actor} goes on the
 * request for the audit trail to read.
 */
@ApplicationScoped
public class Authentication implements HttpAuthenticationMechanism {

    static final String REALM = "Rapport";
    /** Request attribute: how long a throttled login form must wait. */
    public static final String BLOCKED_FOR = Authentication.class.getName() + ".blockedFor";
    private static final String SIGNED_IN = SignedIn.class.getName();

    @Inject
    Accounts accounts;

    @Inject
    Credentials credentials;

    @Inject
    LoginThrottle throttle;

    @Inject
    @Metric(name = "rapport.login.lockouts", absolute = true,
            description = "Lock-outs begun by failed logins (an account, or a client address), on this instance")
    Counter lockouts;

    @Inject
    SecurityHeaders securityHeaders;

    @Inject
    Event<LoggedIn> signIns;

    @Inject
    Event<LoginFailed> refusals;

    @Inject
    @ConfigProperty(name = "rapport.trusted-proxies")
    Optional<String> trustedProxiesSetting;

    private TrustedProxies trustedProxies;

    /** What a session remembers of its login: enough to notice that the account changed under it. */
    record SignedIn(long accountId, String username, String passwordHash) implements java.io.Serializable {
    }

    @PostConstruct
    void configure() {
        trustedProxies = trustedProxiesSetting.map(TrustedProxies::parse).orElse(TrustedProxies.NONE);
    }

    /** A wrong {@code rapport.trusted-proxies} stops the start instead of the first login. */
    void checkSettings(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // observing the start creates this bean, and creating it parses the settings
    }

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        securityHeaders.apply(request, response); // runs before any filter, and may end the response here (401, 429)
        if (context.isAuthenticationRequest() && context.getAuthParameters().getCredential() instanceof UsernamePasswordCredential typed) {
            return formLogin(request, context, typed);
        }
        if (isApi(request)) {
            return basic(request, response, context);
        }
        if (request.getServletPath().startsWith("/jakarta.faces.resource")) {
            // style sheets and scripts are public and the same for everyone (Rapport serves no per-user resource
            // through Faces): no session look-up, which reads the account from the database, for each of them
            return context.doNothing();
        }
        Optional<Account> fromSession = sessionAccount(request);
        if (fromSession.isPresent()) {
            response.setHeader("Cache-Control", "no-store"); // a signed-in page is never shown again from a cache
            return loggedIn(request, context, fromSession.get());
        }
        return context.isProtected() ? toLoginPage(request, response, context) : context.doNothing();
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }

    private AuthenticationStatus basic(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return context.isProtected() ? challenge(response) : context.doNothing();
        }
        Optional<String[]> pair = decode(header.substring(6).trim());
        if (pair.isEmpty()) {
            return challenge(response);
        }
        Attempt attempt = attempt(request, pair.get()[0], pair.get()[1]);
        if (attempt.blocked.isPresent()) {
            return tooManyAttempts(response, attempt.blocked.get());
        }
        return attempt.user.isPresent() ? loggedIn(request, context, attempt.account.orElseThrow()) : challenge(response);
    }

    private AuthenticationStatus formLogin(HttpServletRequest request, HttpMessageContext context, UsernamePasswordCredential typed) {
        Attempt attempt = attempt(request, typed.getCaller(), typed.getPasswordAsString());
        if (attempt.blocked.isPresent()) {
            request.setAttribute(BLOCKED_FOR, attempt.blocked.get());
            return AuthenticationStatus.SEND_FAILURE;
        }
        if (attempt.user.isEmpty()) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        // a new session id at login, so a session id planted before it (session fixation) is worth nothing after
        HttpSession old = request.getSession(false);
        if (old != null) {
            old.invalidate();
        }
        Account account = attempt.account.orElseThrow();
        request.getSession(true).setAttribute(SIGNED_IN, new SignedIn(account.id(), account.username(), account.passwordHash()));
        signIns.fire(new LoggedIn(Actor.of(account), RequestId.of(request).orElse(null)));
        return loggedIn(request, context, account);
    }

    private record Attempt(Optional<Account> account, Optional<AuthenticatedUser> user, Optional<Duration> blocked) {
    }

    private Attempt attempt(HttpServletRequest request, String username, String password) {
        String address = trustedProxies.clientOf(request.getRemoteAddr(), Collections.list(request.getHeaders("X-Forwarded-For")));
        Optional<Account> account = accounts.find(username);
        String counter = LoginThrottle.keyOf(account, username);
        Optional<Duration> blocked = throttle.blockedFor(counter, address);
        if (blocked.isPresent()) {
            return new Attempt(account, Optional.empty(), blocked);
        }
        Optional<AuthenticatedUser> user = credentials.check(account, password);
        if (user.isEmpty()) {
            boolean lockedOut = throttle.failed(counter, address);
            if (lockedOut) {
                lockouts.inc();
            }
            refusals.fire(new LoginFailed(username, account.map(Account::username).orElse(null), lockedOut,
                    RequestId.of(request).orElse(null)));
        } else {
            throttle.succeeded(counter);
        }
        return new Attempt(account, user, Optional.empty());
    }

    /** The session's account, if it still exists, is enabled and has the password it signed in with. */
    private Optional<Account> sessionAccount(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(SIGNED_IN) instanceof SignedIn signedIn)) {
            return Optional.empty();
        }
        Optional<Account> user = accounts.find(signedIn.username())
                .filter(a -> a.id() == signedIn.accountId() && a.enabled() && a.passwordHash().equals(signedIn.passwordHash()));
        if (user.isEmpty()) {
            session.invalidate(); // disabled, deleted or given a new password since: this session is over
        }
        return user;
    }

    private static AuthenticationStatus loggedIn(HttpServletRequest request, HttpMessageContext context, Account account) {
        AuthenticatedUser user = account.user();
        request.setAttribute(AuthenticatedUser.class.getName(), user);
        request.setAttribute(Actor.ATTRIBUTE, Actor.of(account));
        return context.notifyContainerAboutLogin(user.username(), Set.of(user.role().name()));
    }

    private static AuthenticationStatus toLoginPage(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
            // an ajax request of a page whose session ended: Faces' own redirect, which the page follows (a 302 to an
            // HTML page would leave it waiting without a word)
            try {
                response.setContentType("text/xml;charset=UTF-8");
                response.getWriter().write("<?xml version='1.0' encoding='UTF-8'?><partial-response><redirect url=\""
                        + request.getContextPath() + "/login\"></redirect></partial-response>");
                response.flushBuffer();
            } catch (IOException e) {
                // the client went away
            }
            return AuthenticationStatus.SEND_FAILURE;
        }
        String target = request.getRequestURI().substring(request.getContextPath().length());
        String query = request.getQueryString();
        if (query != null && "GET".equals(request.getMethod())) {
            target += "?" + query;
        }
        String login = request.getContextPath() + "/login";
        return context.redirect(target.equals("/") || !"GET".equals(request.getMethod())
                ? login : login + "?next=" + URLEncoder.encode(target, StandardCharsets.UTF_8));
    }

    /** By the path the container mapped (decoded and normalised): {@code //api/x} and {@code /%61pi/x} are the API too. */
    static boolean isApi(HttpServletRequest request) {
        String path = request.getServletPath();
        return path.equals("/api") || path.startsWith("/api/");
    }

    private static Optional<String[]> decode(String token) {
        try {
            String decoded = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon <= 0 ? Optional.empty() : Optional.of(new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)});
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static AuthenticationStatus challenge(HttpServletResponse response) {
        response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
        return write(response, 401, "Unauthorized", "Valid credentials are required (HTTP Basic).");
    }

    private static AuthenticationStatus tooManyAttempts(HttpServletResponse response, Duration wait) {
        response.setHeader("Retry-After", String.valueOf(Math.max(1, wait.toSeconds())));
        return write(response, 429, "Too many failed logins", "Too many failed logins; try again in " + Math.max(1, wait.toSeconds()) + " s.");
    }

    private static AuthenticationStatus write(HttpServletResponse response, int status, String title, String detail) {
        try {
            response.setStatus(status);
            response.setContentType(Problem.MEDIA_TYPE);
            response.getWriter().write(Problem.json(status, title, detail, null));
            response.flushBuffer();
        } catch (IOException e) {
            // the client went away; nothing to tell it
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
