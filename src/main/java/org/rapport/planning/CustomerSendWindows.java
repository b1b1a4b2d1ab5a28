package org.rapport.planning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.rapport.outbox.SendWindows;

import java.time.Instant;
import java.time.ZoneId;

/** The outbox's send windows: the rules' hours on the customer's business days, as the planner places first attempts. */
@ApplicationScoped
public class CustomerSendWindows implements SendWindows {

    @Inject
    RuleService rules;

    @Override
    public Instant next(Instant earliest, ZoneId zone, String region) {
        Rules current = rules.rules();
        return rules.calendar().sendMoment(earliest, zone, region, current.sendWindowStart(), current.sendWindowEnd());
    }
}
