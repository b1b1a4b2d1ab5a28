package org.rapport.calllists;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.rapport.platform.security.Access;
import org.rapport.platform.security.Viewer;
import org.rapport.reports.ReportService;
import org.rapport.reports.ServiceStandards;
import org.rapport.team.SalespersonView;
import org.rapport.team.TeamService;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code /team}: the manager's morning view: each salesperson of the team with today's list (calls due, carried over,
 * beyond capacity, away), how much of what was due today is done, and the escalated calls waiting for the manager.
 * The same reads as the API's call lists and service-standards report, scoped by the same {@code Access}.
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
        for (SalespersonView person : people.stream().limit(MAX_ROWS).toList()) {
            CallList list = callLists.today(access, person.externalId());
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
}
