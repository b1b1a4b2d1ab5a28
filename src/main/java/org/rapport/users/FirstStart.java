package org.rapport.users;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.rapport.demo.DemoData;
import org.rapport.platform.security.Role;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * On the first start: the user {@code admin}, with {@code RAPPORT_ADMIN_PASSWORD} or a generated password printed once;
 * in demo mode (the default with the embedded database) also demo data and demo logins.
 */
@Singleton
@Startup
@DependsOn("Migrations")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class FirstStart {

    private static final Logger LOG = Logger.getLogger(FirstStart.class.getName());
    public static final String DEMO_ADMIN_PASSWORD = "rapport-demo-admin";

    @Inject
    UserService users;

    @Inject
    DemoData demo;

    @Inject
    @ConfigProperty(name = "rapport.admin.password")
    Optional<String> adminPassword;

    @Inject
    @ConfigProperty(name = "rapport.demo")
    Optional<Boolean> demoMode;

    @PostConstruct
    void firstStart() {
        boolean isDemo = demoMode.orElse(Boolean.getBoolean("rapport.db.embedded"));
        if (isDemo) {
            demo.loadIfEmpty();
        }
        String password = adminPassword.filter(p -> !p.isBlank()).orElse(isDemo ? DEMO_ADMIN_PASSWORD : generated());
        if (users.createIfAbsent("admin", password, Role.ADMIN, null) && adminPassword.isEmpty() && !isDemo) {
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
