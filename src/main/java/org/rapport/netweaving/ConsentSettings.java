package org.rapport.netweaving;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.rapport.platform.startup.StartupStep;

/**
 * {@code rapport.introductions.consent.remind-after-business-days} (default 5) and
 * {@code …expire-after-business-days} (default 10), checked at start: settings that cannot work stop it with their name.
 */
@ApplicationScoped
public class ConsentSettings implements StartupStep {

    @Inject
    @ConfigProperty(name = "rapport.introductions.consent.remind-after-business-days", defaultValue = "5")
    int remindAfter;

    @Inject
    @ConfigProperty(name = "rapport.introductions.consent.expire-after-business-days", defaultValue = "10")
    int expireAfter;

    ConsentDeadlines deadlines() {
        return new ConsentDeadlines(remindAfter, expireAfter);
    }

    @Override
    public int order() {
        return 15;
    }

    @Override
    public void run() {
        deadlines();
    }
}
