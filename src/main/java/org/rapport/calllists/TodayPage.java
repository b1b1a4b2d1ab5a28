package org.rapport.calllists;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.rapport.platform.errors.InvalidInput;
import org.rapport.platform.pages.Feedback;
import org.rapport.platform.security.AuthenticatedUser;
import org.rapport.platform.security.Viewer;
import org.rapport.platform.web.Params;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code /today}: the signed-in salesperson's call list for today in their zone. An outcome is one request (a click or
 * a key: item and outcome as request parameters of the page's form, so its ViewState guards it); the list is read
 * again and redrawn in place. Which items the user may touch is the service's to decide, as for the API.
 */
@Named
@RequestScoped
public class TodayPage {

    @Inject
    CallListService callLists;

    @Inject
    Viewer viewer;

    @Inject
    Feedback feedback;

    @Inject
    FacesContext faces;

    @Inject
    Clock clock;

    /** The form the page's remote commands belong to: constraint violations are reported against its fields. */
    private static final String FORM = "work";

    private CallList list;
    private ItemState lastState;
    private Optional<String> calendarLink;

    /** Whether this login acts for a salesperson (an admin's login has no list of its own). */
    public boolean isSalesperson() {
        return viewer.user().salespersonExternalId() != null;
    }

    public CallList getList() {
        if (list == null) {
            AuthenticatedUser user = viewer.user();
            list = user.salespersonExternalId() == null
                    ? new CallList(null, "UTC", LocalDate.now(clock), false, false, 0, List.of(), 0)
                    : callLists.today(viewer.access(), user.salespersonExternalId());
        }
        return list;
    }

    public List<CallListItem> getEscalated() {
        return getList().items().stream().filter(i -> i.escalated).toList();
    }

    /** Calls due today, apart from the carried-over backlog so that old work does not bury today's. */
    public List<CallListItem> getDue() {
        return getList().items().stream().filter(i -> !i.escalated && !i.backlog).toList();
    }

    public List<CallListItem> getBacklog() {
        return getList().items().stream().filter(i -> !i.escalated && i.backlog).toList();
    }

    /** The latest date a call may be snoozed to ({@link Snooze}'s horizon), for the date picker. */
    public LocalDate getSnoozeLimit() {
        return getList().date().plusDays(Snooze.MAX_DAYS);
    }

    public ItemState getLastState() {
        return lastState;
    }

    /**
     * The secret address of this salesperson's calendar feed ({@link CallListService#calendarLink}, the address the API
     * answers with: the current one, never a new one), or null for a login without a list of its own.
     */
    public String getCalendarLink() {
        if (calendarLink == null) { // asked once per request (the salesperson's own link: a refusal would be a fault)
            calendarLink = isSalesperson()
                    ? Optional.of(callLists.calendarLink(viewer.access(), viewer.user().salespersonExternalId())) : Optional.empty();
        }
        return calendarLink.orElse(null);
    }

    /**
     * Records the outcome named by the request parameters {@code item}, {@code outcome}, {@code note}, {@code rescheduleTo},
     * checked first against the API's constraints of {@link OutcomeRequest}.
     */
    public void record() {
        act(() -> {
            OutcomeRequest request = new OutcomeRequest();
            request.outcome = Params.oneOf("outcome", param("outcome"), OutcomeRequest.Outcome.class);
            request.note = blankToNull(param("note"));
            request.rescheduleTo = date("reschedule_to", param("rescheduleTo"));
            return feedback.valid(FORM, request) ? callLists.recordOutcome(viewer.user(), item(), request) : null;
        });
    }

    /** Moves the call named by {@code item} to {@code until} without counting a try ({@link Snooze} says how far). */
    public void snooze() {
        act(() -> {
            SnoozeRequest request = new SnoozeRequest();
            request.until = date("until", param("until"));
            request.note = blankToNull(param("note"));
            return feedback.valid(FORM, request) ? callLists.snooze(viewer.user(), item(), request) : null;
        });
    }

    /** Gives the stale courtesy call named by {@code item} back to the planner. */
    public void handBack() {
        act(() -> {
            HandBackRequest request = new HandBackRequest();
            request.note = blankToNull(param("note"));
            return feedback.valid(FORM, request) ? callLists.handBack(viewer.user(), item(), request) : null;
        });
    }

    /**
     * One action on a call: the request checked against the API's constraints, then the service, which decides whether
     * this user may; a refusal shows as a message. The list is then read again and redrawn: what the next person sees,
     * not what this page guessed.
     */
    private void act(Supplier<ItemState> action) {
        feedback.attempt(null, action).ifPresent(state -> lastState = state);
        list = null;
    }

    /** The call-list item the request names. */
    private long item() {
        String text = param("item");
        return Params.id("item", text).orElseThrow(() -> new InvalidInput("item: which call? Not an id: " + text));
    }

    /** A date parameter, named in a refusal as the API names the field. */
    private static LocalDate date(String field, String text) {
        return Params.optionalDate(field, text).orElse(null);
    }

    private String param(String name) {
        return faces.getExternalContext().getRequestParameterMap().get(name);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
