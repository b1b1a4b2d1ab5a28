package org.rapport.outbox;

import org.rapport.outbox.MailModel.Alert;
import org.rapport.outbox.MailModel.BoardLink;
import org.rapport.outbox.MailModel.CallItem;
import org.rapport.outbox.MailModel.CallListFormats;
import org.rapport.outbox.MailModel.CallListLink;
import org.rapport.outbox.MailModel.DailyCallList;
import org.rapport.outbox.MailModel.IntroducedCompany;
import org.rapport.outbox.MailModel.IntroducedContact;
import org.rapport.outbox.MailModel.Introduction;
import org.rapport.outbox.MailModel.IntroductionConsent;
import org.rapport.outbox.MailModel.ConsentRequest;
import org.rapport.outbox.MailModel.IntroductionFollowUp;
import org.rapport.outbox.MailModel.MeetingQuestion;
import org.rapport.outbox.MailModel.ManagerAlert;
import org.rapport.outbox.MailModel.NetweavingStats;
import org.rapport.outbox.MailModel.Problem;
import org.rapport.outbox.MailModel.CourtesyCheckIn;
import org.rapport.outbox.MailModel.CustomerRequest;
import org.rapport.outbox.MailModel.RequestReply;
import org.rapport.outbox.MailModel.ProblemCheckIn;
import org.rapport.outbox.MailModel.ProblemFollowUp;
import org.rapport.outbox.MailModel.Purchase;
import org.rapport.outbox.MailModel.Reward;
import org.rapport.outbox.MailModel.RewardNotice;
import org.rapport.outbox.MailModel.ThankYouAnniversary;
import org.rapport.outbox.MailModel.ThankYouIntroduction;
import org.rapport.outbox.MailModel.ThankYouPurchase;
import org.rapport.outbox.MailModel.WeeklyNetweavingReport;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Plausible values for the parts of a message that come from an event (a purchase, a problem, an introduction), so that
 * {@code GET /api/templates/{name}/preview} can show any message for a real customer and their salesperson.
 */
public final class SampleModels {

    private static final String INTRODUCED = "a logistics company that is looking for printing services";

    private SampleModels() {
    }

    /** What a cause would add to the message; {@code company} and {@code contact} are the real customer's. */
    public static MailModel cause(MailTemplate template, String company, String contact, String baseUrl) {
        return switch (template) {
            case THANK_YOU_PURCHASE -> new ThankYouPurchase(new Purchase("Annual service contract", "12,500.00 EUR", "2026-11-20"));
            case THANK_YOU_ANNIVERSARY -> new ThankYouAnniversary("5");
            case THANK_YOU_INTRODUCTION -> new ThankYouIntroduction(new IntroducedCompany("Nordwind Logistik GmbH"));
            case PROBLEM_FOLLOW_UP -> new ProblemFollowUp(
                    new Problem("Late delivery of the October order", "Sent by express the next morning"));
            case PROBLEM_CHECK_IN -> new ProblemCheckIn(
                    new Problem("Late delivery of the October order", "Sent by express the next morning"), "7");
            case COURTESY_CHECK_IN -> new CourtesyCheckIn();
            case REQUEST_REPLY -> new RequestReply(new CustomerRequest("A copy of our service contract",
                    "The contract is attached to your customer account; I have also asked our office to post a copy."));
            case INTRODUCTION_CONSENT -> new IntroductionConsent(new ConsentRequest("0", "SECOND", "Nordwind Logistik GmbH",
                    "logistics", "printing", ""));
            case INTRODUCTION -> new Introduction(new IntroducedContact("Jürgen Müller", "Nordwind Logistik GmbH",
                    "jurgen.muller@nordwind-logistik.example", INTRODUCED));
            case INTRODUCTION_FOLLOW_UP -> new IntroductionFollowUp(new MeetingQuestion("0", "Jürgen Müller",
                    "Nordwind Logistik GmbH"));
            case POLL -> new MailModel.Poll(new MailModel.PollInvite("0", "14 December 2026",
                    List.of(new MailModel.PollQuestion("How satisfied are you with our service?"),
                            new MailModel.PollQuestion("What should we do better?"))));
            case REWARD_NOTICE -> new RewardNotice(new Reward("A dinner for two",
                    "the introduction to Müller Logistik GmbH that became a deal", "INTRODUCTION_CONVERTED", "Müller Logistik GmbH"));
            case DAILY_CALL_LIST -> new DailyCallList("Tuesday, 24 November 2026", List.of(new CallItem("09:30 Europe/Berlin",
                    company, contact, "+49 30 1234567", "Top-10 customer, last spoken 19 days ago", "90", "4711")),
                    new CallListFormats(baseUrl + "api/call-lists/S0001/2026-11-24", baseUrl + "api/call-lists/S0001/2026-11-24.csv",
                            baseUrl + "api/call-lists/S0001/2026-11-24.ics", baseUrl + "api/call-lists/items/{item}/outcome"));
            case WEEKLY_NETWEAVING_REPORT -> new WeeklyNetweavingReport("16–22 Nov 2026",
                    new NetweavingStats("12", "7", "5", "3", "1", "48,000.00 EUR"), "2",
                    List.of(new MailModel.ProblemSpike("Delivery", "18", "4–9", "3")), new BoardLink(baseUrl + "netweaving"));
            case MANAGER_ALERT -> new ManagerAlert(new Alert("ESCALATED", "3", "Ben Seller", company, contact, "+49 30 1234567",
                    "Top-10 customer, last spoken 52 days ago", ""), new CallListLink(baseUrl + "call-lists/today"));
        };
    }

    /** The whole model of a preview: the sample cause, the people, and links that lead nowhere real. */
    public static Map<String, Object> preview(MailTemplate template, Map<String, Object> customer, Map<String, Object> salesperson,
                                              String companyName, String publicUrl) {
        String base = publicUrl.endsWith("/") ? publicUrl : publicUrl + "/";
        Map<String, Object> model = new HashMap<>(ModelMaps.toMap(cause(template, String.valueOf(customer.get("company")),
                String.valueOf(customer.get("preferredName")), base)));
        model.put("company", Map.of("name", companyName));
        model.put("customer", customer);
        model.put("salesperson", salesperson);
        Map<String, Object> links = new HashMap<>();
        if (model.get("links") instanceof Map<?, ?> internal) {
            internal.forEach((k, v) -> links.put(String.valueOf(k), v));
        }
        if (template.purpose().toCustomer()) {
            model.put("recipient", Map.of("name", customer.get("preferredName")));
            links.put("unsubscribe", base + "u/preview");
            links.put("consentYes", base + "consent/preview?answer=yes");
            links.put("consentNo", base + "consent/preview?answer=no");
            links.put("metYes", base + "met/preview?answer=yes");
            links.put("metNo", base + "met/preview?answer=no");
            links.put("poll", base + "p/preview");
            if (template.purpose() == MailPurpose.THANK_YOU) {
                links.put("recommend", base + "recommend/preview");
            }
            links.put("ratings", IntStream.rangeClosed(1, 5)
                    .mapToObj(score -> Map.of("score", String.valueOf(score), "url", base + "c/preview-rating-" + score)).toList());
        } else {
            model.put("recipient", Map.of("name", salesperson.get("name")));
        }
        model.put("links", links);
        return model;
    }
}
