package org.rapport.mail;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Plausible values for the parts of a message that come from an event (a purchase, a problem, an introduction), so that
 * {@code GET /api/templates/{name}/preview} can show any message for a real customer and their salesperson.
 */
public final class SampleModels {

    private SampleModels() {
    }

    /** The people in the message; {@code customer} and {@code salesperson} as the templates name their fields. */
    public static Map<String, Object> preview(String name, Map<String, Object> customer, Map<String, Object> salesperson,
                                              String companyName, String publicUrl) {
        Map<String, Object> model = new HashMap<>();
        model.put("company", Map.of("name", companyName));
        model.put("customer", customer);
        model.put("salesperson", salesperson);
        model.put("recipient", Map.of("name", salesperson.get("name")));
        String base = publicUrl.endsWith("/") ? publicUrl : publicUrl + "/";
        Map<String, Object> links = new HashMap<>();
        links.put("unsubscribe", base + "u/preview");
        links.put("consentYes", base + "consent/preview?answer=yes");
        links.put("consentNo", base + "consent/preview?answer=no");
        links.put("callList", base + "call-lists/today");
        links.put("board", base + "netweaving");
        links.put("ratings", List.of(1, 2, 3, 4, 5).stream()
                .map(score -> Map.of("score", String.valueOf(score), "url", base + "c/preview-rating-" + score)).toList());
        model.put("links", links);
        switch (name) {
            case "thank-you-purchase" -> model.put("purchase",
                    Map.of("description", "Annual service contract", "amount", "12,500.00 EUR", "date", "2026-11-20"));
            case "thank-you-anniversary" -> model.put("years", "5");
            case "thank-you-introduction", "introduction" -> model.put("introduction", Map.of("otherCompany", "Nordwind Logistik GmbH",
                    "otherContact", "Jürgen Müller", "otherEmail", "jurgen.muller@nordwind-logistik.example",
                    "reason", "a logistics company that is looking for printing services"));
            case "problem-follow-up", "problem-check-in" -> model.put("problem",
                    Map.of("summary", "Late delivery of the October order", "resolution", "Sent by express the next morning"));
            case "courtesy-check-in" -> {
                // the customer and the salesperson are all it says
            }
            case "introduction-consent" -> model.put("introduction",
                    Map.of("reason", "a logistics company that is looking for printing services"));
            case "reward-notice" -> model.put("reward",
                    Map.of("description", "A dinner for two", "reason", "your introduction turned into a new partnership"));
            case "daily-call-list" -> {
                model.put("date", "Tuesday, 24 November 2026");
                model.put("items", List.of(Map.of("time", "09:30 Europe/Berlin", "company", String.valueOf(customer.get("company")),
                        "contactName", String.valueOf(customer.get("preferredName")), "phone", "+49 30 1234567",
                        "reason", "Top-10 customer, last spoken 19 days ago", "priority", "90")));
            }
            case "weekly-netweaving-report" -> {
                model.put("period", "16–22 Nov 2026");
                model.put("stats", Map.of("proposed", "12", "consented", "7", "introduced", "5", "met", "3", "won", "1",
                        "value", "48,000.00 EUR"));
                model.put("rewardsOwed", "2");
            }
            case "manager-alert" -> model.put("alert", Map.of("kind", "ESCALATED", "detail", "3",
                    "salesperson", "Ben Seller", "company", String.valueOf(customer.get("company")),
                    "contactName", String.valueOf(customer.get("preferredName")), "phone", "+49 30 1234567",
                    "reason", "Top-10 customer, last spoken 52 days ago"));
            default -> throw new UnknownTemplateException(name);
        }
        return model;
    }
}
