package org.rapport.team;

/**
 * A salesperson as the API shows them.
 *
 * @param dailyCapacity their own capacity; {@code null}: they follow the rule {@code capacity.default_daily}
 */
public record SalespersonView(String externalId, String name, String email, String timeZone, String region,
                              Integer dailyCapacity, String workingDays, String role, String manager, String backup) {
}
