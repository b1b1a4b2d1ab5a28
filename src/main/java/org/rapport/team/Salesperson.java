package org.rapport.team;

/** A member of the sales team, as imported. */
public record Salesperson(String externalId, String name, String email, String timeZone, String region, int dailyCapacity,
                          WorkingDays workingDays, TeamRole role, String manager, String backup) {
}
