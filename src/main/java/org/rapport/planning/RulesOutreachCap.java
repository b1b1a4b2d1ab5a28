package org.rapport.planning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.rapport.outbox.OutreachCap;

/** The outbox's cap on outreach email: the rule as it stands now. */
@ApplicationScoped
public class RulesOutreachCap implements OutreachCap {

    @Inject
    RuleService rules;

    @Override
    public int maxEmailsPer7Days() {
        return rules.rules().maxEmailsPer7Days();
    }
}
