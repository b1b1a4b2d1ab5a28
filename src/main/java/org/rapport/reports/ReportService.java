package org.rapport.reports;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.rapport.customers.Tier;
import org.rapport.planning.PlannedTouchStatus;
import org.rapport.planning.PlannedTouches;
import org.rapport.planning.RuleService;
import org.rapport.planning.Rules;
import org.rapport.platform.security.Access;
import org.rapport.platform.time.Zones;
import org.rapport.reports.ServiceStandards.Figures;
import org.rapport.reports.ServiceStandards.FollowUp;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.rapport.platform.time.ScheduleZone;

import org.rapport.netweaving.IntroductionStage;
import org.rapport.netweaving.TeamBudget;
import org.rapport.platform.errors.InvalidInput;
import org.rapport.platform.errors.NotAllowed;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

/** Service standards, computed by a few grouped queries whatever the number of salespeople. */
@ApplicationScoped
public class ReportService {

    @Inject
    ReportMapper mapper;

    @Inject
    RuleService rules;

    @Inject
    Clock clock;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    @Inject
    @ConfigProperty(name = "rapport.schedule.zone")
    ScheduleZone scheduleZone;

    /** The figures of the salespeople the caller reaches: their own, their team's, or everyone's. */
    public ServiceStandards serviceStandards(Access access, LocalDate from, LocalDate to) {
        Rules r = rules.rules();
        Instant now = clock.instant();
        List<FollowUp> followUps = mapper.followUps(from, to, access).stream().map(f -> judged(f, now)).toList();
        List<ReportMapper.Coverage> coverage = mapper.coverage(to, r.cadence(Tier.TOP10), r.cadence(Tier.TOP100), access);
        List<ReportMapper.Completion> completion = mapper.completion(from, to, access, PlannedTouchStatus.DONE, PlannedTouchStatus.CANCELLED,
                PlannedTouches.HANDED_BACK);

        TreeSet<String> names = new TreeSet<>();
        followUps.forEach(f -> names.add(f.salesperson()));
        coverage.forEach(c -> names.add(c.salesperson));
        completion.forEach(c -> names.add(c.salesperson));
        Map<String, Figures> bySalesperson = new TreeMap<>();
        for (String name : names) {
            bySalesperson.put(name, figures(name, followUps.stream().filter(f -> f.salesperson().equals(name)).toList(),
                    coverage.stream().filter(c -> c.salesperson.equals(name)).toList(),
                    completion.stream().filter(c -> c.salesperson.equals(name)).toList()));
        }
        return new ServiceStandards(from, to, figures(null, followUps, coverage, completion), new ArrayList<>(bySalesperson.values()));
    }

    /**
     * Customer mail sent in the period (whole days in the schedule zone) to customers the caller reaches, per template and
     * language, with the total.
     */
    public ResponsesReport responses(Access access, LocalDate from, LocalDate to) {
        ZoneId zone = scheduleZone.zone();
        List<ReportMapper.ResponseRow> rows = mapper.responses(from.atStartOfDay(zone).toInstant(),
                to.plusDays(1).atStartOfDay(zone).toInstant(), access);
        ResponseFigures total = ResponseFigures.of(null, null, sum(rows, r -> r.sent), sum(rows, r -> r.clicked),
                sum(rows, r -> r.replied), sum(rows, r -> r.unsubscribed), sum(rows, r -> r.bounced), sum(rows, r -> r.ratings),
                rows.stream().mapToLong(r -> r.ratingSum).sum());
        return new ResponsesReport(from, to, zone.getId(), total, rows.stream().map(r -> ResponseFigures.of(r.template,
                r.locale, r.sent, r.clicked, r.replied, r.unsubscribed, r.bounced, r.ratings, r.ratingSum)).toList());
    }

    /**
     * The netweaving funnel of the introductions proposed in the period (whole days in the schedule zone) that the
     * caller reaches; with {@code team}, only those one of whose customers belongs to that manager's team.
     */
    public NetweavingReport netweaving(Access access, LocalDate from, LocalDate to, String team) {
        Access inTeam = team == null ? null : teamReach(access, team);
        ZoneId zone = scheduleZone.zone();
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        List<IntroductionStage> way = IntroductionStage.WAY_TO_A_DEAL;
        List<IntroductionStage> introduced = way.subList(way.indexOf(IntroductionStage.INTRODUCED), way.size());
        // the stays, the largest read, on a second connection while this thread reads the rest (two cores, two reads)
        CompletableFuture<List<NetweavingFigures.Duration>> stays = alongside(() -> mapper.stageDurations(start, end, inTeam, access));
        List<NetweavingFigures.Group> stages = mapper.stageGroups(start, end, inTeam, access);
        List<NetweavingFigures.Counts> salespeople = mapper.salespersonCounts(start, end, inTeam, access, introduced);
        List<NetweavingFigures.Counts> pairs = mapper.categoryPairCounts(start, end, inTeam, access, introduced,
                NetweavingFigures.CATEGORY_PAIRS);
        List<NetweavingReport.RewardFigures> rewards = mapper.rewardGroups(start, end, inTeam, access);
        return NetweavingFigures.report(from, to, zone.getId(), team, stages, salespeople, pairs, stays.join(), rewards,
                TeamBudget.limitOf(rules.teamBudget(team)).toString());
    }

    /**
     * Patterns in the problems opened in the period (whole days in the schedule zone) of the customers the caller
     * reaches; with {@code team}, of that manager's team.
     */
    public ProblemsReport problems(Access access, LocalDate from, LocalDate to, String team) {
        Access inTeam = team == null ? null : teamReach(access, team);
        ZoneId zone = scheduleZone.zone();
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        String none = ProblemPatterns.UNCATEGORISED;
        // the outcomes, one grouped read, on a second connection while this thread reads the problems (two cores)
        CompletableFuture<List<ProblemOutcomes.Group>> outcomes = alongside(() -> mapper.outcomeGroups(start, end, none, inTeam, access));
        // the rest grouped in SQL, a few hundred rows in all (mapping each of 100,000 problems cost more than reading them)
        ProblemPatterns.Weeks weeks = ProblemPatterns.Weeks.of(from, to, zone);
        List<ProblemPatterns.WeekCount> counts = mapper.problemWeeks(start, end, weeks.boundaries(), none, inTeam, access);
        List<ProblemsReport.CustomerCount> top = mapper.problemCustomers(start, end, ProblemPatterns.TOP_CUSTOMERS, inTeam, access);
        ProblemsReport report = ProblemPatterns.report(from, to, zone, team, weeks, counts, top);
        List<ProblemOutcomes.Group> groups = outcomes.join();
        return report.withOutcomes(ProblemOutcomes.calls(groups), ProblemOutcomes.emails(groups));
    }

    /**
     * The spikes among the problems of the customers the caller reaches (of that manager's team with {@code team}): the
     * {@value ProblemSpikes#DAYS} days before {@code end} against the six windows as long before them, one grouped read.
     */
    public List<ProblemSpikes.Named> spikes(Access access, String team, Instant end) {
        Access inTeam = team == null ? null : teamReach(access, team);
        java.time.Duration window = java.time.Duration.ofDays(ProblemSpikes.DAYS);
        Instant from = end.minus(window.multipliedBy(ProblemSpikes.RECENT + 1));
        return ProblemSpikes.of(mapper.problemWindows(from, end, ProblemSpikes.DAYS, ProblemPatterns.UNCATEGORISED, inTeam, access));
    }

    /**
     * The team named by its manager's external id, as a reach the caller may report on (the reports' and the poll
     * results' {@code team=}). The statements get the manager's id rather than the name: MariaDB then reaches the team's
     * customers through the owner index.
     */
    public Access teamReach(Access access, String team) {
        // only an admin learns whether the name is a manager's: anyone else gets one answer for both
        java.util.Optional<ReportMapper.Manager> manager = mapper.manager(team);
        if (!access.isEverything() && manager.filter(m -> access.reaches(m.id(), m.managerId())).isEmpty()) {
            throw new NotAllowed("team: " + team + " is not a team you lead.");
        }
        return Access.teamOf(manager.orElseThrow(() -> new InvalidInput("team: " + team + " is not the external id of a manager."))
                .id());
    }

    /** On the managed executor; on this thread when it takes nothing now (the application stopping). */
    private <T> CompletableFuture<T> alongside(java.util.function.Supplier<T> read) {
        try {
            return CompletableFuture.supplyAsync(read, executor);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            return CompletableFuture.completedFuture(read.get());
        }
    }

    private static int sum(List<ReportMapper.ResponseRow> rows, java.util.function.ToIntFunction<ReportMapper.ResponseRow> figure) {
        return rows.stream().mapToInt(figure).sum();
    }

    /** Judged on the customer's calendar, where the planner set the due date. */
    private static FollowUp judged(ReportMapper.FollowUpRow row, Instant now) {
        ZoneId zone = Zones.orUtc(row.timeZone);
        LocalDate reachedOn = row.reachedAt == null ? null : row.reachedAt.atZone(zone).toLocalDate();
        return new FollowUp(row.salesperson, row.customer, row.problem, row.dueBy, reachedOn, row.status,
                FollowUpStandard.of(row.dueBy, reachedOn, now.atZone(zone).toLocalDate()));
    }

    private static Figures figures(String name, List<FollowUp> followUps, List<ReportMapper.Coverage> coverage,
                                   List<ReportMapper.Completion> completion) {
        List<FollowUp> misses = followUps.stream().filter(f -> f.standard() == FollowUpStandard.MISSED).toList();
        int onTime = (int) followUps.stream().filter(f -> f.standard() == FollowUpStandard.ON_TIME).count();
        int pending = followUps.size() - onTime - misses.size();
        int top10 = sum(coverage, "TOP10", true);
        int top10Covered = sum(coverage, "TOP10", false);
        int top100 = sum(coverage, "TOP100", true);
        int top100Covered = sum(coverage, "TOP100", false);
        int due = completion.stream().mapToInt(c -> c.due).sum();
        int done = completion.stream().mapToInt(c -> c.done).sum();
        return new Figures(name, followUps.size(), onTime, pending, ServiceStandards.rate(onTime, onTime + misses.size()), misses,
                top10, top10Covered, ServiceStandards.rate(top10Covered, top10), top100, top100Covered,
                ServiceStandards.rate(top100Covered, top100), due, done, ServiceStandards.rate(done, due));
    }

    private static int sum(List<ReportMapper.Coverage> coverage, String tier, boolean all) {
        return coverage.stream().filter(c -> c.tier.equals(tier)).mapToInt(c -> all ? c.customers : c.covered).sum();
    }
}
