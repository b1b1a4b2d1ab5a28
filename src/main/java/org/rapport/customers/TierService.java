package org.rapport.customers;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.rapport.platform.time.ScheduleZone;

import java.time.Clock;
import java.time.LocalDate;
import java.util.logging.Logger;

/** Recomputes every customer's tier from trailing-12-month purchases in one set-based statement. */
@ApplicationScoped
public class TierService {

    private static final Logger LOG = Logger.getLogger(TierService.class.getName());

    @Inject
    CustomerMapper mapper;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "rapport.schedule.zone")
    ScheduleZone zone;

    /** Returns the number of customers whose tier or revenue changed. */
    @Transactional
    public int recompute() {
        LocalDate today = LocalDate.now(clock.withZone(zone.zone()));
        int changed = mapper.recomputeTiers(today.minusYears(1), today);
        LOG.info(() -> "Tiers recomputed for " + today + ": " + changed + " customers changed");
        return changed;
    }
}
