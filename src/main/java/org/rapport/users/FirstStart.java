package org.rapport.users;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.rapport.platform.security.Role;
import org.rapport.platform.startup.StartupStep;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * At every start: the user {@code admin} if there is none, with {@code RAPPORT_ADMIN_PASSWORD} or a generated password
 * printed once. Runs after the demo's step, which in demo mode has made {@code admin} with the public demo password.
 */
@ApplicationScoped
public class FirstStart implements StartupStep {

    private static final Logger LOG = Logger.getLogger(FirstStart.class.getName());

    @Inject
    UserService users;

    @Inject
    @ConfigProperty(name = "rapport.admin.password")
    Optional<String> adminPassword;

    @Override
    public int order() {
        return 200;
    }

    @Override
    public void run() {
        Optional<String> configured = adminPassword.filter(p -> !p.isBlank());
        String password = configured.orElseGet(FirstStart::generated);
        if (users.createIfAbsent("admin", password, Role.ADMIN, null) && configured.isEmpty()) {
            // printed once, on the console of the first start only
            System.out.println("Rapport: created user 'admin' with password " + password + " (shown only this once)");
        } else {
            LOG.fine("User admin exists");
        }
    }

    private static String generated() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
