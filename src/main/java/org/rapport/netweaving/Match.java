package org.rapport.netweaving;

import java.util.Set;

/**
 * A proposed introduction.
 *
 * @param first       the customer who needs what the other offers: asked for consent first
 * @param second      the customer who offers it: asked only after the first said yes
 * @param firstNeeds  the codes the first needs and the second offers
 * @param secondNeeds the codes the second needs and the first offers (empty unless the fit is mutual)
 * @param score       higher is better; only for ordering
 * @param explanation one line for people, e.g. "Acme needs logistics; Müller offers logistics; both in DE-BE"
 */
public record Match(long first, long second, Set<String> firstNeeds, Set<String> secondNeeds, int score,
                    String explanation) {

    public boolean mutual() {
        return !secondNeeds.isEmpty();
    }
}
