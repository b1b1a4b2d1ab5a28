package org.rapport.team;

/** A salesperson as the API shows them. */
public record SalespersonView(String externalId, String name, String email, String timeZone, String region,
                              int dailyCapacity, String workingDays, String role, String manager, String backup) {
}
