package org.rapport.planning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.rapport.platform.errors.InvalidInput;
import org.rapport.team.TeamRole;
import org.rapport.team.TeamService;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The stored rules and company holidays, and the business calendar made from them; the matcher's rules among them. */
@ApplicationScoped
public class RuleService {

    private final PublicHolidays publicHolidays = new JollydayHolidays();

    @Inject
    RuleMapper mapper;

    @Inject
    Clock clock;

    @Inject
    TeamService team;

    public Rules rules() {
        return Rules.fromSettings(settings());
    }

    /** What the reward rules propose, and each team's quarterly budget, as they stand now. */
    public RewardRules rewardRules() {
        return RewardRules.fromSettings(settings());
    }

    private Map<String, String> settings() {
        Map<String, String> settings = new HashMap<>();
        mapper.settings().forEach(s -> settings.put(s.name, s.value));
        return settings;
    }

    public Instant sendMoment(Instant now, ZoneId customerZone, String region) {
        Rules rules = rules();
        return calendar().sendMoment(now, customerZone, region, rules.sendWindowStart(), rules.sendWindowEnd());
    }

    public MatchRules matchRules() {
        return rules().introductions();
    }

    /** Replaces the planner's and the reward rules together: either all of them are valid and stored, or none is. */
    @Transactional
    public void replace(Rules rules, RewardRules rewards) {
        List<String> problems = new ArrayList<>(rules.problems());
        problems.addAll(rewards.problems());
        rewards.teamBudgets().keySet().stream().filter(t -> t != null && !t.isBlank())
                .filter(t -> team.find(t.strip()).filter(s -> TeamRole.MANAGER.name().equals(s.role())).isEmpty())
                .forEach(t -> problems.add("rewards.team_budgets." + t + ": is not the external id of a manager (a team is "
                        + "named by its manager)."));
        if (!problems.isEmpty()) {
            throw InvalidRules.of(problems);
        }
        Instant now = clock.instant();
        rules.toSettings().forEach((name, value) -> mapper.save(name, value, now));
        rewards.normalized().toSettings().forEach((name, value) -> mapper.save(name, value, now));
    }

    public List<CompanyHoliday> holidays() {
        return mapper.holidays();
    }

    @Transactional
    public List<CompanyHoliday> replaceHolidays(List<CompanyHoliday> holidays) {
        Set<LocalDate> seen = new HashSet<>();
        for (int i = 0; i < holidays.size(); i++) {
            if (!seen.add(holidays.get(i).date)) {
                throw new InvalidInput("[" + i + "].date: " + holidays.get(i).date + " is listed twice.");
            }
        }
        mapper.deleteHolidays();
        holidays.forEach(h -> mapper.insertHoliday(new CompanyHoliday(h.date, h.name.strip())));
        return mapper.holidays();
    }

    /** Business days as they are now: each region's public holidays plus the company's. */
    public BusinessCalendar calendar() {
        return new BusinessCalendar(publicHolidays, mapper.holidays().stream().map(h -> h.date).collect(Collectors.toSet()));
    }
}
