package org.rapport.calllists;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.rapport.platform.errors.InvalidInput;
import org.rapport.platform.pages.Feedback;
import org.rapport.platform.pages.Texts;
import org.rapport.platform.web.Params;
import org.rapport.platform.security.Access;
import org.rapport.platform.security.Viewer;
import org.rapport.reports.ReportService;
import org.rapport.reports.ServiceStandards;
import org.rapport.team.SalespersonView;
import org.rapport.team.TeamService;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.stream.Collectors;

/**
 * {@code /team}: the manager's morning view: each salesperson of the team with today's list (calls due, carried over,
 * beyond capacity, away), how much of what was due today is done, and the escalated calls waiting for the manager.
 * The same reads as the API's call lists and service-standards report, scoped by the same {@code Access}.
 * <p>
 * The manager decides an escalated call here as through the API (take, reassign, reschedule, close), through the same
 * {@link CallListService} methods and request objects. Each decision button posts the call's id as its own value (a
 * plain {@code <button name="decide:take" value="{id}">} for the hidden Faces command of that decision), so the id
 * posted is the id drawn even when the list changed meanwhile; the service decides whether this manager may.
 */
@Named
@RequestScoped
public class TeamPage {

    /** An admin reaches everyone; the page shows the first ones by name rather than build thousands of lists. */
    static final int MAX_ROWS = 100;

    @Inject
    TeamService team;

    @Inject
    CallListService callLists;

    @Inject
    ReportService reports;

    @Inject
    Viewer viewer;

    @Inject
    Feedback feedback;

    @Inject
    Texts texts;

    @Inject
    FacesContext faces;

    private List<Row> rows;
    private List<CallListItem> escalated;
    private int reachable;

    /** One salesperson's day. {@code completion} is null when nothing was due today yet. */
    public record Row(String salesperson, String name, CallList list, int dueToday, int backlog, int callsDue, int callsDone,
                      Double completion, int escalated) {
    }

    public List<Row> getRows() {
        load();
        return rows;
    }

    public List<CallListItem> getEscalated() {
        load();
        return escalated;
    }

    public int getReachable() {
        load();
        return reachable;
    }

    public int getMaxRows() {
        return MAX_ROWS;
    }

    private void load() {
        if (rows != null) {
            return;
        }
        Access access = viewer.access();
        List<SalespersonView> people = team.visibleTo(access);
        reachable = people.size();
        // the report's day is the manager's today (an admin's: UTC); each list is its salesperson's own today
        LocalDate today = team.todayOf(viewer.user());
        Map<String, ServiceStandards.Figures> standards = reports.serviceStandards(access, today, today).salespeople().stream()
                .collect(Collectors.toMap(ServiceStandards.Figures::salesperson, Function.identity(), (a, b) -> a));
        rows = new ArrayList<>();
        escalated = new ArrayList<>();
        List<SalespersonView> shown = people.stream().limit(MAX_ROWS).toList();
        // the team's lists built together (one set-based pass), each its salesperson's own today
        List<CallList> lists = callLists.todayLists(access, shown.stream().map(SalespersonView::externalId).toList());
        for (int n = 0; n < shown.size(); n++) {
            SalespersonView person = shown.get(n);
            CallList list = lists.get(n);
            ServiceStandards.Figures figures = standards.get(person.externalId());
            // an escalated call is on its holder's list and on the list of whoever decides it: count it at its holder
            List<CallListItem> held = list.items().stream().filter(i -> i.escalated && person.externalId().equals(i.heldBy)).toList();
            escalated.addAll(held);
            int escalatedHere = held.size();
            rows.add(new Row(person.externalId(), person.name(), list, list.dueTodayCount(), list.backlogCount(),
                    figures == null ? 0 : figures.callsDue(), figures == null ? 0 : figures.callsDone(),
                    figures == null ? null : figures.callListCompletion(), escalatedHere));
        }
    }

    public void take() throws IOException {
        decide("take", "team.taken", id -> {
            DecisionRequest request = new DecisionRequest();
            request.note = note(id);
            return feedback.valid("decide", request) ? callLists.take(viewer.user(), id, request) : null;
        });
    }

    public void reassign() throws IOException {
        decide("reassign", "team.reassigned", id -> {
            ReassignRequest request = new ReassignRequest();
            request.salesperson = param("to-" + id);
            request.note = note(id);
            return feedback.valid("decide", request) ? callLists.reassign(viewer.user(), id, request) : null;
        });
    }

    public void reschedule() throws IOException {
        decide("reschedule", "team.rescheduled", id -> {
            EscalationRescheduleRequest request = new EscalationRescheduleRequest();
            request.rescheduleTo = date(param("date-" + id));
            request.note = note(id);
            return feedback.valid("decide", request) ? callLists.rescheduleEscalated(viewer.user(), id, request) : null;
        });
    }

    public void close() throws IOException {
        decide("close", "team.closed", id -> {
            CloseRequest request = new CloseRequest();
            request.note = note(id);
            return feedback.valid("decide", request) ? callLists.closeEscalated(viewer.user(), id, request) : null;
        });
    }

    /**
     * One decision about the call the pressed button names. Done: back to the page with a GET (redirect after post) and
     * the confirmation. Refused (by the request's constraints or the service): the page again, saying why.
     */
    private void decide(String decision, String textKey, LongFunction<ItemState> action) throws IOException {
        if (feedback.attempt(null, () -> action.apply(item(decision))).isEmpty()) {
            return;
        }
        feedback.info(texts.get(textKey));
        ExternalContext external = faces.getExternalContext();
        external.getFlash().setKeepMessages(true);
        external.redirect(external.getRequestContextPath() + "/team");
    }

    /** The call the pressed button names: its value is the item's id. */
    private long item(String decision) {
        return Params.id("item", param("decide:" + decision)).orElseThrow(() -> new InvalidInput("item: which call?"));
    }

    private String note(long id) {
        String note = param("note-" + id);
        return note == null || note.isBlank() ? null : note.strip();
    }

    private static LocalDate date(String text) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInput("reschedule_to: not a date (YYYY-MM-DD): " + text);
        }
    }

    private String param(String name) {
        return faces.getExternalContext().getRequestParameterMap().get(name);
    }
}
