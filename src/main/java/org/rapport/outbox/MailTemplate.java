package org.rapport.outbox;

import org.rapport.customers.Consent;
import org.rapport.outbox.MailModel.CourtesyCheckIn;
import org.rapport.outbox.MailModel.DailyCallList;
import org.rapport.outbox.MailModel.Introduction;
import org.rapport.outbox.MailModel.IntroductionConsent;
import org.rapport.outbox.MailModel.IntroductionFollowUp;
import org.rapport.outbox.MailModel.ManagerAlert;
import org.rapport.outbox.MailModel.ProblemCheckIn;
import org.rapport.outbox.MailModel.ProblemFollowUp;
import org.rapport.outbox.MailModel.RequestReply;
import org.rapport.outbox.MailModel.RewardNotice;
import org.rapport.outbox.MailModel.ThankYouAnniversary;
import org.rapport.outbox.MailModel.ThankYouIntroduction;
import org.rapport.outbox.MailModel.ThankYouPurchase;
import org.rapport.outbox.MailModel.WeeklyNetweavingReport;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.rapport.outbox.CallerField.email;
import static org.rapport.outbox.CallerField.optional;
import static org.rapport.outbox.CallerField.required;

/**
 * Every message a person can receive from Rapport: its folder in {@code mail-templates/}, the purpose a customer consents
 * to, the record its cause fills in, and the fields a caller of {@code POST /api/outbox} may set. A template without
 * caller fields is sent by Rapport alone: internal mail, and the introduction request whose answer links only netweaving
 * makes.
 */
public enum MailTemplate {

    THANK_YOU_PURCHASE("thank-you-purchase", MailPurpose.THANK_YOU, ThankYouPurchase.class,
            optional("purchase.description", 200), required("purchase.amount", 40), required("purchase.date", 40)),
    THANK_YOU_ANNIVERSARY("thank-you-anniversary", MailPurpose.THANK_YOU, ThankYouAnniversary.class,
            required("years", 3)),
    THANK_YOU_INTRODUCTION("thank-you-introduction", MailPurpose.THANK_YOU, ThankYouIntroduction.class,
            required("introduction.otherCompany", 200)),
    PROBLEM_FOLLOW_UP("problem-follow-up", MailPurpose.CHECK_IN, ProblemFollowUp.class,
            required("problem.summary", 200), optional("problem.resolution", 500)),
    PROBLEM_CHECK_IN("problem-check-in", MailPurpose.CHECK_IN, ProblemCheckIn.class,
            required("problem.summary", 200), optional("problem.resolution", 500)),
    COURTESY_CHECK_IN("courtesy-check-in", MailPurpose.CHECK_IN, CourtesyCheckIn.class),
    INTRODUCTION_CONSENT("introduction-consent", MailPurpose.INTRODUCTION, IntroductionConsent.class),
    INTRODUCTION("introduction", MailPurpose.INTRODUCTION, Introduction.class,
            required("introduction.otherContact", 100), required("introduction.otherCompany", 200),
            email("introduction.otherEmail"), required("introduction.reason", 500)),
    /** "Did you meet?" some days after an introduction, with one-click answers only netweaving makes. */
    INTRODUCTION_FOLLOW_UP("introduction-follow-up", MailPurpose.INTRODUCTION, IntroductionFollowUp.class),
    REWARD_NOTICE("reward-notice", MailPurpose.REWARD, RewardNotice.class,
            required("reward.description", 200), optional("reward.reason", 500)),
    /** A poll from the customer's salesperson, with the link to its answer page only polls makes. */
    POLL("poll", MailPurpose.POLLS, MailModel.Poll.class),
    /** An answer to what the customer asked: not outreach, so not capped, and labelled REQUESTED in the outbox. */
    REQUEST_REPLY("request-reply", MailPurpose.REQUESTED, RequestReply.class,
            required("request.summary", 200), required("request.answer", 2000)),
    DAILY_CALL_LIST("daily-call-list", MailPurpose.INTERNAL, DailyCallList.class),
    WEEKLY_NETWEAVING_REPORT("weekly-netweaving-report", MailPurpose.INTERNAL, WeeklyNetweavingReport.class),
    MANAGER_ALERT("manager-alert", MailPurpose.INTERNAL, ManagerAlert.class);

    private final String folder;
    private final MailPurpose purpose;
    private final Class<? extends MailModel> model;
    private final List<CallerField> callerFields;

    MailTemplate(String folder, MailPurpose purpose, Class<? extends MailModel> model, CallerField... callerFields) {
        this.folder = folder;
        this.purpose = purpose;
        this.model = model;
        this.callerFields = List.of(callerFields);
    }

    /** The folder in {@code mail-templates/}, also the template's name in the API and on the outbox row. */
    public String folder() {
        return folder;
    }

    public MailPurpose purpose() {
        return purpose;
    }

    public Class<? extends MailModel> model() {
        return model;
    }

    public List<CallerField> callerFields() {
        return callerFields;
    }

    /** Whether it is about a customer's problem: the only outreach that may go while a problem is open or followed up. */
    public boolean problemRelated() {
        return this == PROBLEM_FOLLOW_UP || this == PROBLEM_CHECK_IN;
    }

    /**
     * Why this message must not go to the customer now, or empty when it may: the consent of its purpose, then, for
     * outreach, the problem rule ({@link Consent#blocksDuringProblem}). The dispatcher asks at every delivery and
     * {@link OutboxService#suppressRefused} for what is waiting; internal mail always may go.
     *
     * @param problemPending whether a problem of the customer is open or its follow-up is due
     */
    public Optional<String> blockedBy(Consent consent, boolean problemPending) {
        return purpose.blockedBy(consent).or(() -> purpose.isOutreach()
                ? Consent.blocksDuringProblem(problemPending, problemRelated()) : Optional.empty());
    }

    /** The templates of mail a customer asked for (not counted against the cap on outreach). */
    public static List<String> requested() {
        return Arrays.stream(values()).filter(t -> t.purpose == MailPurpose.REQUESTED).map(MailTemplate::folder).toList();
    }

    /**
     * Whether {@code POST /api/outbox} may send it: customer mail (outreach, or an answer the customer asked for) whose
     * cause a caller can describe in plain text.
     */
    public boolean composable() {
        return purpose.toCustomer() && !callerFields.isEmpty();
    }

    /** The model from its stored form (the JSON on the outbox row, read as maps); unknown keys are left out. */
    MailModel read(Map<?, ?> stored) {
        return (MailModel) ModelMaps.fromMap(stored, model.asSubclass(Record.class));
    }

    public static Optional<MailTemplate> byName(String name) {
        return Arrays.stream(values()).filter(t -> t.folder.equals(name)).findFirst();
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(MailTemplate::folder).toList();
    }

    static MailTemplate of(MailModel model) {
        return Arrays.stream(values()).filter(t -> t.model == model.getClass()).findFirst()
                .orElseThrow(() -> new IllegalStateException("No template renders " + model.getClass().getSimpleName()));
    }
}
