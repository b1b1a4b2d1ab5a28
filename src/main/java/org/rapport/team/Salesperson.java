package org.rapport.team;

/**
 * A member of the sales team, as imported.
 *
 * @param dailyCapacity calls per working day; {@code null}: the rule {@code capacity.default_daily}
 */
public record Salesperson(String externalId, String name, String email, String timeZone, String region, Integer dailyCapacity,
                          WorkingDays workingDays, TeamRole role, String manager, String backup) {
}
