package org.rapport.platform.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.rapport.platform.web.Problem;
import org.rapport.platform.web.SecurityHeaders;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;

/**
 * HTTP Basic against the users in the database, with a throttle on failures. Wrong user, wrong password and a disabled
 * login get the same 401; a throttled caller gets 429 with Retry-After, whether the user exists or not. Behind a
 * reverse proxy listed in {@code rapport.trusted-proxies}, the throttle counts the client named in
 * {@code X-Forwarded-For}; from anyone else that header is ignored.
 */
@ApplicationScoped
public class BasicAuthentication implements HttpAuthenticationMechanism {

    static final String REALM = "Rapport";

    @Inject
    Accounts accounts;

    @Inject
    Credentials credentials;

    @Inject
    LoginThrottle throttle;

    @Inject
    SecurityHeaders securityHeaders;

    @Inject
    @ConfigProperty(name = "rapport.trusted-proxies")
    Optional<String> trustedProxiesSetting;

    private TrustedProxies trustedProxies;

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
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return context.isProtected() ? challenge(response, context) : context.doNothing();
        }
        Optional<String[]> pair = decode(header.substring(6).trim());
        if (pair.isEmpty()) {
            return challenge(response, context);
        }
        String username = pair.get()[0];
        String password = pair.get()[1];
        String address = trustedProxies.clientOf(request.getRemoteAddr(), Collections.list(request.getHeaders("X-Forwarded-For")));
        Optional<Account> account = accounts.find(username);
        String counter = LoginThrottle.keyOf(account, username);
        Optional<Duration> blocked = throttle.blockedFor(counter, address);
        if (blocked.isPresent()) {
            return tooManyAttempts(response, blocked.get());
        }
        Optional<AuthenticatedUser> user = credentials.check(account, password);
        if (user.isEmpty()) {
            throttle.failed(counter, address);
            return challenge(response, context);
        }
        throttle.succeeded(counter);
        request.setAttribute(AuthenticatedUser.class.getName(), user.get());
        return context.notifyContainerAboutLogin(user.get().username(), Set.of(user.get().role().name()));
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

    private static AuthenticationStatus challenge(HttpServletResponse response, HttpMessageContext context) {
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
