package org.rapport.netweaving;

/**
 * Where a matching run takes its rules from: the stored rules document ({@code GET/PUT /api/rules}, section
 * {@code introductions}), which the planning feature owns. An interface here, so that netweaving does not depend on
 * planning (the planner will put introductions' steps on call lists).
 */
public interface MatchRulesSource {

    /** The rules as stored now. */
    MatchRules matchRules();
}
