package org.rapport.planning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.rapport.audit.AuditKind;
import org.rapport.audit.AuditTrail;
import org.rapport.audit.Change;
import org.rapport.audit.Subject;
import org.rapport.platform.errors.InvalidInput;
import org.rapport.team.SalespersonView;
import org.rapport.team.TeamRole;
import org.rapport.team.TeamService;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
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

    @Inject
    AuditTrail audit;

    public Rules rules() {
        return Rules.fromSettings(settings());
    }

    /** What the reward rules propose, and each team's quarterly budget, as they stand now. */
    public RewardRules rewardRules() {
        Map<String, BigDecimal> teams = new TreeMap<>();
        mapper.teamBudgets().forEach(t -> teams.put(t.team, t.amount));
        return RewardRules.fromSettings(settings(), teams);
    }

    /**
     * The quarterly budget of one team: its own, or the one for every team. The team is found as the database compares
     * external ids (as {@link #replace} checked it), so {@code s0001} is the team of manager {@code S0001}.
     *
     * @param team the external id of the team's manager (or of an owner without a manager); {@code null}: no team
     */
    public RewardRules.Worth teamBudget(String team) {
        RewardRules.Worth common = RewardRules.fromSettings(settings(), Map.of()).quarterlyBudgetPerTeam();
        return team == null ? common
                : mapper.teamBudget(team).map(own -> new RewardRules.Worth(own, common.currency())).orElse(common);
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

    /** The rules as {@code GET /api/rules} and {@code /admin/rules} show them. */
    public RulesDocument document() {
        return RulesDocument.of(rules(), rewardRules());
    }

    /**
     * Replaces the planner's and the reward rules together ({@code PUT /api/rules}, {@code /admin/rules}): either all of
     * them are valid and stored, or none is. The document has passed its Bean Validation constraints.
     */
    @Transactional
    public void replace(RulesDocument document) {
        Rules rules = document.toRules(rules().pollMinDaysBetween());
        RewardRules rewards = document.toRewardRules();
        List<String> problems = new ArrayList<>(rules.problems());
        problems.addAll(rewards.problems());
        Map<Long, BigDecimal> teamBudgets = teamBudgets(rewards.teamBudgets(), problems);
        if (!problems.isEmpty()) {
            throw InvalidRules.of(problems);
        }
        Map<String, Object> before = storedRules();
        Instant now = clock.instant();
        rules.toSettings().forEach((name, value) -> mapper.save(name, value, now));
        rewards.normalized().toSettings().forEach((name, value) -> mapper.save(name, value, now));
        mapper.deleteTeamBudgets();
        teamBudgets.forEach((teamId, amount) -> mapper.insertTeamBudget(teamId, amount.setScale(2), now));
        Change change = Change.between(before, storedRules());
        if (!change.after().isEmpty()) { // a save that changed nothing changed nothing
            audit.record(AuditKind.RULES_CHANGED, Subject.of("rules", null), change);
        }
    }

    /** The stored settings and team budgets, as the audit trail compares them: each setting and budget that changed. */
    private Map<String, Object> storedRules() {
        Map<String, Object> stored = new TreeMap<>();
        mapper.settings().forEach(s -> stored.put(s.name, s.value));
        mapper.teamBudgets().forEach(b -> stored.put("team_budget." + b.team, b.amount.toPlainString()));
        return stored;
    }

    /**
     * The teams' own budgets by their managers' ids: each key must name a manager, and no two keys the same one (as the
     * database compares external ids, {@code s0001} is {@code S0001}). Adds a problem for each key that does not.
     */
    private Map<Long, BigDecimal> teamBudgets(Map<String, BigDecimal> byExternalId, List<String> problems) {
        Map<Long, BigDecimal> byId = new LinkedHashMap<>();
        Map<Long, String> named = new HashMap<>();
        byExternalId.forEach((key, amount) -> {
            if (key == null || key.isBlank()) {
                return; // RewardRules.problems names it
            }
            Optional<SalespersonView> manager = team.find(key.strip()).filter(s -> TeamRole.MANAGER.name().equals(s.role()));
            if (manager.isEmpty()) {
                problems.add("rewards.team_budgets." + key + ": is not the external id of a manager (a team is named by its "
                        + "manager).");
                return;
            }
            long id = team.idOf(manager.get().externalId()).orElseThrow();
            String earlier = named.putIfAbsent(id, key);
            if (earlier != null) {
                problems.add("rewards.team_budgets." + key + ": names the same manager as " + earlier + " ("
                        + manager.get().externalId() + "); give each team one budget.");
            }
            byId.put(id, amount);
        });
        return byId;
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
        List<String> before = holidayDates();
        mapper.deleteHolidays();
        holidays.forEach(h -> mapper.insertHoliday(new CompanyHoliday(h.date, h.name.strip())));
        List<String> after = holidayDates();
        if (!after.equals(before)) {
            // the dates only: a holiday's name is the company's, but it is free text, and the date says which one
            audit.record(AuditKind.HOLIDAYS_CHANGED, Subject.of("holidays", null),
                    new Change(Map.of("dates", before), Map.of("dates", after)));
        }
        return mapper.holidays();
    }

    private List<String> holidayDates() {
        return mapper.holidays().stream().map(h -> h.date.toString()).sorted().toList();
    }

    /** Business days as they are now: each region's public holidays plus the company's. */
    public BusinessCalendar calendar() {
        return new BusinessCalendar(publicHolidays, mapper.holidays().stream().map(h -> h.date).collect(Collectors.toSet()));
    }
}
