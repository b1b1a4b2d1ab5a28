package org.rapport.outbox;

import java.util.List;

/**
 * What a cause adds to a message, one record per {@link MailTemplate}: the purchase thanked for, the problem followed
 * up, the calls on a list. The people, the company and the links a customer may click are not here: the sender adds
 * them as they are at send time, and only internal mail carries links of its own (to Rapport's pages).
 * Component names are the names the templates use; a record is stored as JSON on the outbox row.
 */
public sealed interface MailModel {

    default MailTemplate template() {
        return MailTemplate.of(this);
    }

    record ThankYouPurchase(Purchase purchase) implements MailModel {
    }

    record ThankYouAnniversary(String years) implements MailModel {
    }

    record ThankYouIntroduction(IntroducedCompany introduction) implements MailModel {
    }

    record ProblemFollowUp(Problem problem) implements MailModel {
    }

    /** An answer to something the customer asked for. */
    record RequestReply(CustomerRequest request) implements MailModel {
    }

    /** A STANDARD customer's courtesy touch by email when the call list is full: the greeting is all it carries. */
    record CourtesyCheckIn() implements MailModel {
    }

    /**
     * @param days how long ago the problem was resolved, when the check-in was planned (the rule
     *             {@code check_in_after_days}, unless planned late); empty when a caller composed it, and the wording
     *             then names no span
     */
    record ProblemCheckIn(Problem problem, String days) implements MailModel {
    }

    /**
     * Asked before the customer learns anything about the other side beyond this: the other company's name and what
     * the two have to offer each other. Only netweaving sends it (no caller fields): its answer links name the
     * introduction and the side asked.
     */
    record IntroductionConsent(ConsentRequest introduction) implements MailModel {
    }

    /**
     * @param copies who else gets the message and where replies go, when netweaving sent it (both customers in
     *               Reply-To, their owners in Cc); null for one a salesperson composed
     */
    record Introduction(IntroducedContact introduction, Copies copies) implements MailModel {
        public Introduction(IntroducedContact introduction) {
            this(introduction, null);
        }
    }

    /** Whether the customer met the one they were introduced to; its answer links name the introduction. */
    record IntroductionFollowUp(MeetingQuestion introduction) implements MailModel {
    }

    record RewardNotice(Reward reward) implements MailModel {
    }

    /** A poll of the customer's salesperson; its answer page's link names the poll. */
    record Poll(PollInvite poll) implements MailModel {
    }

    record DailyCallList(String date, List<CallItem> items, CallListFormats links) implements MailModel {
    }

    /** @param spikes the spikes among the team's customers' problems (none: the email says nothing of spikes) */
    record WeeklyNetweavingReport(String period, NetweavingStats stats, String rewardsOwed, List<ProblemSpike> spikes,
                                  BoardLink links) implements MailModel {
    }

    /**
     * A category whose problems of the last 14 days stand well above its 12 weeks before (reports.Spike).
     *
     * @param category the category's name, empty for problems without one
     * @param before   the range of the six windows of 14 days before, "4–9"
     * @param fold     how many times the usual count, in whole times: "1" rose, "2" doubled, "3" tripled, or more
     */
    record ProblemSpike(String category, String recent, String before, String fold) {
    }

    record ManagerAlert(Alert alert, CallListLink links) implements MailModel {
    }

    record Purchase(String description, String amount, String date) {
    }

    record Problem(String summary, String resolution) {
    }

    /** @param summary what the customer asked, in a line; @param answer the answer, plain text */
    record CustomerRequest(String summary, String answer) {
    }

    record IntroducedCompany(String otherCompany) {
    }

    /**
     * @param id           the introduction
     * @param side         {@code FIRST} (the customer who needs the service) or {@code SECOND}
     * @param otherCompany the other company's name
     * @param youNeed      category names: what the recipient looks for and the other offers (may be empty)
     * @param youOffer     category names: what the other looks for and the recipient offers (may be empty; always empty
     *                     for the first customer asked, before the other consented)
     * @param reminder     {@code "true"} for the one reminder, empty for the request
     */
    record ConsentRequest(String id, String side, String otherCompany, String youNeed, String youOffer, String reminder) {
    }

    /**
     * @param id        the poll
     * @param endsOn    its last day, written out in the customer's language
     * @param questions its questions in the customer's language
     */
    record PollInvite(String id, String endsOn, List<PollQuestion> questions) {
    }

    record PollQuestion(String text) {
    }

    /** @param id the introduction; the other side's contact and company */
    record MeetingQuestion(String id, String otherContact, String otherCompany) {
    }

    /** Addresses added to a message besides its customer: copies and where replies go. */
    record Copies(List<Person> cc, List<Person> replyTo) {
    }

    record Person(String name, String email) {
    }

    record IntroducedContact(String otherContact, String otherCompany, String otherEmail, String reason) {
    }

    /**
     * @param reason the reason as the API shows it (English for a rule's), shown as is when there is no cause
     * @param cause  the rule that proposed it ({@code ANNIVERSARY}, {@code TOP_TIER}, {@code INTRODUCTION_CONVERTED},
     *               {@code REFERRAL_CONVERTED}): the template words the reason in the customer's language; null for a
     *               person's reason
     * @param detail the rule's parameter (the years, the other company, the recommended person); null when none
     */
    record Reward(String description, String reason, String cause, String detail) {
    }

    /** @param item the call-list item's id, which an outcome is recorded against */
    record CallItem(String time, String company, String contactName, String phone, String reason, String priority, String item) {
    }

    record NetweavingStats(String proposed, String consented, String introduced, String met, String won, String value) {
    }

    /** {@code coveringFor}: the absent manager whose backup receives the alert, or empty. */
    record Alert(String kind, String detail, String salesperson, String company, String contactName, String phone,
                 String reason, String coveringFor) {
    }

    /** The salesperson's call list in Rapport: internal mail only. */
    record CallListLink(String callList) {
    }

    /**
     * The salesperson's list in the forms Rapport serves (after a login): JSON, CSV, iCalendar; and where an outcome is
     * posted ({@code {item}} stands for an item's id). Internal mail only.
     */
    record CallListFormats(String callList, String csv, String calendar, String outcome) {
    }

    /** The netweaving board in Rapport: internal mail only. */
    record BoardLink(String board) {
    }
}
