package org.rapport.calllists;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.rapport.platform.errors.InvalidInput;
import org.rapport.platform.pages.Feedback;
import org.rapport.platform.security.AuthenticatedUser;
import org.rapport.platform.security.Viewer;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

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

    private CallList list;
    private ItemState lastState;

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

    /** Records the outcome named by the request parameters {@code item}, {@code outcome}, {@code note}, {@code rescheduleTo}. */
    public void record() {
        Map<String, String> params = faces.getExternalContext().getRequestParameterMap();
        feedback.attempt(null, () -> {
            OutcomeRequest request = new OutcomeRequest();
            request.outcome = outcome(params.get("outcome"));
            request.note = blankToNull(params.get("note"));
            request.rescheduleTo = date(params.get("rescheduleTo"));
            lastState = callLists.recordOutcome(viewer.user(), itemId(params.get("item")), request);
            return lastState;
        });
        list = null; // redrawn from the database: what the next person sees, not what this page guessed
    }

    /** Moves the call named by {@code item} to {@code until} without counting a try. */
    public void snooze() {
        Map<String, String> params = faces.getExternalContext().getRequestParameterMap();
        feedback.attempt(null, () -> {
            SnoozeRequest request = new SnoozeRequest();
            request.until = date(params.get("until"));
            if (request.until == null) {
                throw new InvalidInput("until: choose the date the call comes back.");
            }
            lastState = callLists.snooze(viewer.user(), itemId(params.get("item")), request);
            return lastState;
        });
        list = null;
    }

    /** Gives the stale courtesy call named by {@code item} back to the planner. */
    public void handBack() {
        Map<String, String> params = faces.getExternalContext().getRequestParameterMap();
        feedback.attempt(null, () -> {
            lastState = callLists.handBack(viewer.user(), itemId(params.get("item")), new HandBackRequest());
            return lastState;
        });
        list = null;
    }

    private static long itemId(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException | NullPointerException e) {
            throw new InvalidInput("item: not a call-list item id: " + text);
        }
    }

    private static OutcomeRequest.Outcome outcome(String text) {
        try {
            return OutcomeRequest.Outcome.valueOf(text);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidInput("outcome: must be one of REACHED, VOICEMAIL, NO_ANSWER, RESCHEDULED, NOT_NEEDED, not " + text);
        }
    }

    private static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInput("not a date (YYYY-MM-DD): " + text);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
