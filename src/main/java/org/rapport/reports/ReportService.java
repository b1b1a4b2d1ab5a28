package org.rapport.reports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.rapport.customers.Tier;
import org.rapport.planning.RuleService;
import org.rapport.planning.Rules;
import org.rapport.platform.security.Access;
import org.rapport.reports.ServiceStandards.Figures;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Service standards, computed by a few grouped queries whatever the number of salespeople. */
@ApplicationScoped
public class ReportService {

    @Inject
    ReportMapper mapper;

    @Inject
    RuleService rules;

    /** The figures of the salespeople the caller reaches: their own, their team's, or everyone's. */
    public ServiceStandards serviceStandards(Access access, LocalDate from, LocalDate to) {
        Rules r = rules.rules();
        List<ReportMapper.FollowUp> followUps = mapper.followUps(from, to, access);
        List<ReportMapper.Coverage> coverage = mapper.coverage(to, r.cadence(Tier.TOP10), r.cadence(Tier.TOP100), access);
        List<ReportMapper.Completion> completion = mapper.completion(from, to, access);

        TreeSet<String> names = new TreeSet<>();
        followUps.forEach(f -> names.add(f.salesperson));
        coverage.forEach(c -> names.add(c.salesperson));
        completion.forEach(c -> names.add(c.salesperson));
        Map<String, Figures> bySalesperson = new TreeMap<>();
        for (String name : names) {
            bySalesperson.put(name, figures(name, followUps.stream().filter(f -> f.salesperson.equals(name)).toList(),
                    coverage.stream().filter(c -> c.salesperson.equals(name)).toList(),
                    completion.stream().filter(c -> c.salesperson.equals(name)).toList()));
        }
        return new ServiceStandards(from, to, figures(null, followUps, coverage, completion), new ArrayList<>(bySalesperson.values()));
    }

    private static Figures figures(String name, List<ReportMapper.FollowUp> followUps, List<ReportMapper.Coverage> coverage,
                                   List<ReportMapper.Completion> completion) {
        List<ReportMapper.FollowUp> misses = followUps.stream().filter(f -> f.reachedOn == null || f.reachedOn.isAfter(f.dueBy)).toList();
        int onTime = followUps.size() - misses.size();
        int top10 = sum(coverage, "TOP10", true);
        int top10Covered = sum(coverage, "TOP10", false);
        int top100 = sum(coverage, "TOP100", true);
        int top100Covered = sum(coverage, "TOP100", false);
        int due = completion.stream().mapToInt(c -> c.due).sum();
        int done = completion.stream().mapToInt(c -> c.done).sum();
        return new Figures(name, followUps.size(), onTime, ServiceStandards.rate(onTime, followUps.size()), misses,
                top10, top10Covered, ServiceStandards.rate(top10Covered, top10), top100, top100Covered,
                ServiceStandards.rate(top100Covered, top100), due, done, ServiceStandards.rate(done, due));
    }

    private static int sum(List<ReportMapper.Coverage> coverage, String tier, boolean all) {
        return coverage.stream().filter(c -> c.tier.equals(tier)).mapToInt(c -> all ? c.customers : c.covered).sum();
    }
}
