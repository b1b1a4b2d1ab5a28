package org.rapport.platform.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.logging.Logger;

/** The one source of "now". {@code RAPPORT_CLOCK=2026-03-29T06:00:00Z} freezes it for demos and tests. */
@ApplicationScoped
public class ClockProducer {

    private static final Logger LOG = Logger.getLogger(ClockProducer.class.getName());

    @Produces
    @ApplicationScoped
    Clock clock(@ConfigProperty(name = "rapport.clock") Optional<String> frozenAt) {
        return frozenAt.filter(s -> !s.isBlank()).map(ClockProducer::frozen).orElseGet(Clock::systemUTC);
    }

    static Clock frozen(String instant) {
        try {
            Instant at = Instant.parse(instant.trim());
            LOG.warning(() -> "The clock is frozen at " + at + " (RAPPORT_CLOCK)");
            return Clock.fixed(at, ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("RAPPORT_CLOCK must be an ISO instant such as 2026-03-29T06:00:00Z, not '"
                    + instant + "'", e);
        }
    }
}
