package org.rapport.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.rapport.platform.security.Role;
import org.rapport.platform.startup.StartupStep;
import org.rapport.users.UserService;

import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Demo mode ({@code RAPPORT_DEMO}, by default on with the embedded database): demo data on an empty database and three
 * logins whose passwords are public (they are in the README), announced on the console. Started without demo mode, it
 * removes every login that still has one of those passwords, so a demo database put to real use keeps no open door.
 */
@ApplicationScoped
public class DemoStart implements StartupStep {

    private static final Logger LOG = Logger.getLogger(DemoStart.class.getName());

    public static final String ADMIN_PASSWORD = "rapport-demo-admin";
    public static final String MANAGER_PASSWORD = "rapport-demo-manager";
    public static final String SALES_PASSWORD = "rapport-demo-sales";
    private static final Map<String, String> LOGINS = Map.of("admin", ADMIN_PASSWORD, "manager", MANAGER_PASSWORD, "sales", SALES_PASSWORD);

    @Inject
    DemoData demo;

    @Inject
    UserService users;

    @Inject
    @ConfigProperty(name = "rapport.demo")
    Optional<Boolean> demoMode;

    @Inject
    @ConfigProperty(name = "rapport.admin.password")
    Optional<String> adminPassword;

    /** Before the users' own step, which makes {@code admin} only if there is none yet. */
    @Override
    public int order() {
        return 100;
    }

    @Override
    public void run() {
        if (demoMode.orElse(Boolean.getBoolean("rapport.db.embedded"))) {
            demo.loadIfEmpty();
            boolean publicAdmin = adminPassword.filter(p -> !p.isBlank()).isEmpty();
            if (publicAdmin) {
                users.createIfAbsent("admin", ADMIN_PASSWORD, Role.ADMIN, null);
            }
            users.createIfAbsent("manager", MANAGER_PASSWORD, Role.MANAGER, DataGenerator.salespersonId(1));
            users.createIfAbsent("sales", SALES_PASSWORD, Role.SALES, DataGenerator.salespersonId(DataGenerator.SHOWCASE_SALESPERSON));
            System.out.println(banner(publicAdmin));
        } else {
            LOGINS.forEach((username, password) -> {
                if (users.removeIfPassword(username, password)) {
                    LOG.warning(() -> "Removed the demo login " + username + ": its password is public and demo mode is off");
                }
            });
        }
    }

    static String banner(boolean publicAdmin) {
        String line = "=".repeat(96);
        return String.join(System.lineSeparator(), line,
                " RAPPORT DEMO MODE. These logins have PUBLIC demo passwords, printed in the README for anyone to read:",
                publicAdmin ? "   admin / " + ADMIN_PASSWORD : "   admin / (RAPPORT_ADMIN_PASSWORD)",
                "   manager / " + MANAGER_PASSWORD,
                "   sales / " + SALES_PASSWORD,
                " Anyone who reaches this port can log in with them. Never put real customer data in a demo; to run",
                " for real, start with RAPPORT_DEMO=false, which removes the logins that still have these passwords.",
                line);
    }
}
