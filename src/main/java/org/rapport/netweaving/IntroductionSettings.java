package org.rapport.netweaving;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.rapport.platform.startup.StartupStep;

/**
 * {@code rapport.introductions.consent.remind-after-business-days} (default 5),
 * {@code …expire-after-business-days} (default 10), {@code rapport.introductions.follow-up-after-days} (default 14) and
 * {@code rapport.introductions.match-chunk} (default 1000), checked at start: settings that cannot work stop it with
 * their name.
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

    @Inject
    @ConfigProperty(name = "rapport.introductions.match-chunk", defaultValue = "1000")
    int matchChunk;

    /** Largest chunk: its transaction holds the foreign-key locks of up to twice as many customer rows. */
    static final int MAX_MATCH_CHUNK = 10_000;

    /** Days after the introduction before both customers are asked "did you meet?". */
    int followUpAfterDays() {
        if (followUpAfterDays < 1 || followUpAfterDays > 365) {
            throw new IllegalArgumentException("RAPPORT_INTRODUCTIONS_FOLLOW_UP_AFTER_DAYS must be 1 to 365, not "
                    + followUpAfterDays);
        }
        return followUpAfterDays;
    }

    /** Proposals a matching run stores per JDBC batch and transaction ({@link MatchingService}). */
    int matchChunk() {
        if (matchChunk < 1 || matchChunk > MAX_MATCH_CHUNK) {
            throw new IllegalArgumentException("RAPPORT_INTRODUCTIONS_MATCH_CHUNK must be 1 to " + MAX_MATCH_CHUNK + ", not "
                    + matchChunk);
        }
        return matchChunk;
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
        matchChunk();
    }
}
