package org.rapport.customers;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.rapport.money.ExchangeRateService;
import org.rapport.money.Unconverted;
import org.rapport.platform.time.ScheduleZone;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Recomputes every customer's tier from trailing-12-month purchases (in the company currency) in one set-based statement,
 * and announces each customer it brought into the top tier ({@link TierReached}).
 */
@ApplicationScoped
public class TierService {

    private static final Logger LOG = Logger.getLogger(TierService.class.getName());

    @Inject
    CustomerMapper mapper;

    @Inject
    ExchangeRateService rates;

    @Inject
    Clock clock;

    @Inject
    Event<TierReached> reached;

    @Inject
    @ConfigProperty(name = "rapport.schedule.zone")
    ScheduleZone zone;

    /**
     * Ranks every customer by trailing-12-month purchases in the company currency. Purchases in a currency without a
     * rate on their date count nothing; they are listed in the result and logged, so someone adds the rate.
     */
    @Transactional
    public Recomputed recompute() {
        LocalDate today = LocalDate.now(clock.withZone(zone.zone()));
        Set<Long> topBefore = new HashSet<>(mapper.idsInTier(Tier.TOP10));
        int changed = mapper.recomputeTiers(today.minusYears(1), today);
        // in this transaction: a reward for reaching the top is proposed exactly when the new tier is stored
        mapper.idsInTier(Tier.TOP10).stream().filter(id -> !topBefore.contains(id))
                .forEach(id -> reached.fire(new TierReached(id, Tier.TOP10, today)));
        List<Unconverted> unconverted = rates.unconverted(today.minusYears(1), today);
        String currency = rates.companyCurrency();
        LOG.info(() -> "Tiers recomputed for " + today + ": " + changed + " customers changed");
        if (!unconverted.isEmpty()) {
            LOG.warning(() -> "Tiers of " + today + " leave out purchases without an exchange rate to " + currency
                    + " on their date (add the rates, then recompute): " + unconverted.stream().map(u -> u.purchases() + " in "
                    + u.currency() + " from " + u.firstPurchasedOn() + " to " + u.lastPurchasedOn()).collect(Collectors.joining(", ")));
        }
        return new Recomputed(changed, currency, unconverted);
    }

    /**
     * @param changed     customers whose tier or revenue changed
     * @param currency    the company currency revenue is counted in
     * @param unconverted purchases of the period left out for want of an exchange rate, per currency
     */
    public record Recomputed(int changed, String currency, List<Unconverted> unconverted) {
    }
}
