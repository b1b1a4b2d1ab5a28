package org.rapport.netweaving;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.rapport.platform.startup.StartupStep;

/**
 * {@code rapport.introductions.consent.remind-after-business-days} (default 5),
 * {@code …expire-after-business-days} (default 10) and {@code rapport.introductions.follow-up-after-days} (default 14),
 * checked at start: settings that cannot work stop it with their name.
 */
@ApplicationScoped
public class IntroductionSettings implements StartupStep {

    @Inject
    @ConfigProperty(name = "rapport.introductions.consent.remind-after-business-days", defaultValue = "5")
    int remindAfter;

    @Inject
    @ConfigProperty(name = "rapport.introductions.consent.expire-after-business-days", defaultValue = "10")
    int expireAfter;

    @Inject
    @ConfigProperty(name = "rapport.introductions.follow-up-after-days", defaultValue = "14")
    int followUpAfterDays;

    /** Days after the introduction before both customers are asked "did you meet?". */
    int followUpAfterDays() {
        if (followUpAfterDays < 1 || followUpAfterDays > 365) {
            throw new IllegalArgumentException("RAPPORT_INTRODUCTIONS_FOLLOW_UP_AFTER_DAYS must be 1 to 365, not "
                    + followUpAfterDays);
        }
        return followUpAfterDays;
    }

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
        followUpAfterDays();
    }
}
