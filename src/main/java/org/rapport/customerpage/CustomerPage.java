package org.rapport.customerpage;

import org.rapport.polls.PollAnswers;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.cdi.Param;
import org.rapport.customers.CustomerDetail;
import org.rapport.customers.CustomerService;
import org.rapport.netweaving.Introduction;
import org.rapport.netweaving.IntroductionService;
import org.rapport.netweaving.RewardService;
import org.rapport.netweaving.RewardView;
import org.rapport.outbox.OutboxService;
import org.rapport.planning.PlannedTouchStatus;
import org.rapport.planning.PlannedTouchView;
import org.rapport.planning.PlanningService;
import org.rapport.platform.errors.NotAllowed;
import org.rapport.platform.errors.NotFound;
import org.rapport.platform.pages.Feedback;
import org.rapport.platform.pages.Language;
import org.rapport.platform.pages.PagePaths;
import org.rapport.platform.pages.Texts;
import org.rapport.platform.security.Viewer;
import org.rapport.problems.ProblemRequest;
import org.rapport.problems.ProblemService;
import org.rapport.purchases.PurchaseRequest;
import org.rapport.purchases.PurchaseService;
import org.rapport.team.ReaderTime;
import org.rapport.touches.TouchRequest;
import org.rapport.touches.TouchService;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code /customers/{externalId}}: one customer for the salesperson. Who may open it is the API's rule, asked of
 * {@link CustomerService} before anything else: someone else's customer is a real 403, an unknown one a 404, for a
 * GET and a post alike. The forms post the page (ViewState guards them); after a stored change the browser is sent to
 * the page again (redirect after post), so the history shows it and a reload posts nothing twice.
 */
@Named
@RequestScoped
public class CustomerPage {

    static final int HISTORY = 50;
    static final int PLANNED = 20;

    @Inject
    @Param(pathIndex = 0)
    String externalId;

    @Inject
    CustomerService customers;

    @Inject
    TouchService touches;

    @Inject
    PurchaseService purchases;

    @Inject
    ProblemService problems;

    @Inject
    PlanningService planning;

    @Inject
    OutboxService outbox;

    @Inject
    IntroductionService introductions;

    @Inject
    RewardService rewards;

    @Inject
    PollAnswers pollAnswers;


    @Inject
    Viewer viewer;

    @Inject
    Feedback feedback;

    @Inject
    Texts texts;

    @Inject
    Language language;

    @Inject
    FacesContext faces;

    @Inject
    Clock clock;

    @Inject
    PagePaths paths;

    @Inject
    ReaderTime readerTime;

    private Long customerId;
    private CustomerDetail detail;
    private List<HistoryEntry> history;
    private List<PlannedTouchView> planned;
    private List<Introduction> introduced;
    private List<RewardView> rewarded;

    private final TouchForm touch = new TouchForm();
    private final PurchaseForm purchase = new PurchaseForm();
    private final ProblemForm problem = new ProblemForm();

    /**
     * May this user see this customer at all? Asked once per request, whoever asks first: the view action of a GET, Faces
     * reading the page's values while it decodes a post, a form's action, or the check before the page is drawn.
     */
    public void open() throws IOException {
        allowed();
    }

    private boolean visible() {
        try {
            return allowed();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the page may go on; else the response is a 403 or 404, complete. */
    private boolean allowed() throws IOException {
        if (customerId != null || faces.getResponseComplete()) {
            return customerId != null;
        }
        ExternalContext external = faces.getExternalContext();
        try {
            if (externalId == null || externalId.isBlank()) {
                throw new NotFound("Which customer? The address is /customers/{external id}.");
            }
            customerId = customers.requireVisible(viewer.access(), externalId);
            if (!faces.isPostback()) {
                purchase.startOn(LocalDate.now(clock.withZone(readerZone())));
            }
        } catch (NotAllowed e) {
            external.responseSendError(403, e.getMessage());
            faces.responseComplete();
        } catch (NotFound e) {
            external.responseSendError(404, e.getMessage());
            faces.responseComplete();
        }
        return customerId != null;
    }

    public void logTouch() throws IOException {
        if (!allowed()) {
            return;
        }
        TouchRequest request = touch.toRequest(externalId);
        if (feedback.valid("touch", request) && feedback.attemptIn("touch", () -> touches.log(viewer.user(), request)).isPresent()) {
            done("customer.touchLogged");
        }
    }

    public void recordPurchase() throws IOException {
        if (!allowed()) {
            return;
        }
        if (feedback.attemptIn("purchase", () -> {
            PurchaseRequest request = purchase.toRequest(externalId);
            return feedback.valid("purchase", request) ? purchases.record(viewer.access(), request) : null;
        }).isPresent()) {
            done("customer.purchaseRecorded");
        }
    }

    public void recordProblem() throws IOException {
        if (!allowed()) {
            return;
        }
        ProblemRequest request = problem.toRequest(externalId, clock.instant());
        if (feedback.valid("problem", request) && feedback.attemptIn("problem", () -> problems.open(viewer.access(), request)).isPresent()) {
            done("customer.problemRecorded");
        }
    }

    /** Back to the page with a GET, the change's confirmation kept for it. */
    private void done(String textKey) throws IOException {
        feedback.info(texts.get(textKey));
        ExternalContext external = faces.getExternalContext();
        external.getFlash().setKeepMessages(true);
        external.redirect(paths.customer(externalId));
    }

    /** The customer, or null when the answer is a 403 or 404 (Faces reads the page's values while it decodes a post). */
    public CustomerDetail getDetail() {
        if (detail == null && visible()) {
            detail = customers.detail(viewer.access(), externalId);
        }
        return detail;
    }

    /** Touches, purchases, messages with their responses, the rewards' steps and poll answers, newest first. */
    public List<HistoryEntry> getHistory() {
        if (history == null) {
            history = !visible() ? List.of() : HistoryEntry.of(readerZone(), getDetail().recentTouches(),
                    purchases.ofCustomer(viewer.access(), externalId, HISTORY), outbox.history(viewer.access(), customerId, HISTORY),
                    getRewards(), pollAnswers.ofCustomer(customerId, HISTORY));
        }
        return history;
    }

    /** The customer's rewards, newest first, each with its ledger (the reach of {@code GET /api/rewards}). */
    public List<RewardView> getRewards() {
        if (rewarded == null) {
            rewarded = visible() ? rewards.ofCustomer(viewer.access(), customerId, HISTORY) : List.of();
        }
        return rewarded;
    }

    /** The introductions the customer is part of, on either side, newest first. */
    public List<Introduction> getIntroductions() {
        if (introduced == null) {
            introduced = visible() ? introductions.ofCustomer(viewer.access(), externalId, HISTORY) : List.of();
        }
        return introduced;
    }

    /** The other customer of an introduction of this one. */
    public Introduction.Party partnerIn(Introduction introduction) {
        return externalId.equals(introduction.first().customer()) ? introduction.second() : introduction.first();
    }

    /** What the planner has in store for the customer (open or waiting for a manager), the next one first. */
    public List<PlannedTouchView> getPlanned() {
        if (planned == null) {
            if (!visible()) {
                return List.of();
            }
            List<PlannedTouchView> open = new ArrayList<>(planning.search(viewer.access(), customerId, PlannedTouchStatus.OPEN.name(), PLANNED));
            open.addAll(planning.search(viewer.access(), customerId, PlannedTouchStatus.ESCALATED.name(), PLANNED));
            open.sort(Comparator.comparing((PlannedTouchView p) -> p.dueOn, Comparator.nullsLast(Comparator.naturalOrder())));
            planned = open;
        }
        return planned;
    }

    /** The customer's clock now, with the weekday ("Thu 09:41"), or null for an unknown zone. */
    public String getLocalTime() {
        ZoneId zone = getDetail() == null ? null : zone(getDetail().timeZone());
        return zone == null ? null : DateTimeFormatter.ofPattern("EEE HH:mm", language.getLocale()).format(clock.instant().atZone(zone));
    }

    /** A moment in the reader's zone and language. */
    public String when(Instant at) {
        return readerTime.when(at);
    }

    public String day(LocalDate date) {
        return readerTime.day(date);
    }

    private ZoneId readerZone() {
        return readerTime.zone();
    }

    private static ZoneId zone(String id) {
        try {
            return id == null ? null : ZoneId.of(id);
        } catch (DateTimeException e) {
            return null;
        }
    }

    public String getExternalId() {
        return externalId;
    }

    public TouchForm getTouch() {
        return touch;
    }

    public PurchaseForm getPurchase() {
        return purchase;
    }

    public ProblemForm getProblem() {
        return problem;
    }
}
