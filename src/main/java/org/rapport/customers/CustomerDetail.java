package org.rapport.customers;

import jakarta.json.bind.annotation.JsonbProperty;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Everything a salesperson needs before contacting the customer, their consent first among it. */
public record CustomerDetail(String externalId, String company, String contactFirstName, String contactLastName,
                             String preferredName, String email, String phone, String timeZone, String locale,
                             String region, String industry, String owner, Tier tier, Tier tierPin,
                             @JsonbProperty("revenue_12m") String revenue12m, LocalDate customerSince,
                             String annualRevenue, Consent consent, String preferences, String personalNotes,
                             Instant lastTwoWayTouchAt,
                             List<String> offers, List<String> needs, List<RecentTouch> recentTouches,
                             List<OpenProblem> openProblems) {

    public record RecentTouch(String kind, String outcome, Instant occurredAt, String salesperson, String note) {
    }

    public record OpenProblem(String externalId, Instant openedAt, String severity, String category, String summary) {
    }

    /** The customer's own columns, as one query returns them. */
    public record Fields(long id, String externalId, String company, String contactFirstName, String contactLastName,
                         String preferredName, String email, String phone, String timeZone, String locale, String region,
                         String industry, String owner, Tier tier, Tier tierPin, BigDecimal revenue12m,
                         LocalDate customerSince, BigDecimal annualRevenue, String preferences, String personalNotes,
                         Instant lastTwoWayTouchAt,
                         String offers, String needs) {
    }

    /** Money is a decimal string in JSON, never a binary floating-point number. */
    private static String money(BigDecimal amount) {
        return amount == null ? null : amount.toPlainString();
    }

    static CustomerDetail of(Fields f, Consent consent, List<RecentTouch> touches, List<OpenProblem> problems) {
        List<String> offers = Categories.split(f.offers);
        List<String> needs = Categories.split(f.needs);
        return new CustomerDetail(f.externalId, f.company, f.contactFirstName, f.contactLastName, f.preferredName, f.email,
                f.phone, f.timeZone, f.locale, f.region, f.industry, f.owner, f.tier, f.tierPin, money(f.revenue12m),
                f.customerSince, money(f.annualRevenue), consent, f.preferences, f.personalNotes,
                f.lastTwoWayTouchAt, offers, needs, touches, problems);
    }
}
