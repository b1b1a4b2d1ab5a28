package org.rapport.reports;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import org.rapport.platform.pages.ChartConfig;
import jakarta.json.JsonArrayBuilder;
import org.rapport.platform.pages.Texts;
import org.rapport.platform.security.Access;
import org.rapport.platform.security.Viewer;
import org.rapport.team.TeamService;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * {@code /standards}: the service standards of the viewer's reach week by week (the last {@link #WEEKS} weeks, Monday
 * to Sunday, the current one so far): problem follow-ups within two business days, top-10 and top-100 coverage and
 * call-list completion, each as a chart with the same figures in a table, and the follow-ups that missed the
 * standard, each linked to its customer. The figures are the service-standards report's, week by week. Below, the
 * problems of the same weeks per category as a stacked bar chart (the problems report's weeks; the report's days are
 * the schedule zone's), the spikes as of now and the median time to resolve per category.
 */
@Named
@RequestScoped
public class StandardsPage {

    static final int WEEKS = 12;

    @Inject
    ReportService reports;

    @Inject
    TeamService team;

    @Inject
    Viewer viewer;

    @Inject
    Texts texts;

    @Inject
    java.time.Clock clock;

    private List<Week> weeks;
    private List<ServiceStandards.FollowUp> misses;
    private ProblemsReport problems;
    private List<ProblemSpikes.Named> spikes;

    /** Colours of the categories in the problems chart, in turn. */
    private static final String[] PALETTE = {"#0b5cad", "#8a4b00", "#1b7f3b", "#a1268a", "#5b6770", "#b3261e", "#00758f",
            "#6b4fbb"};

    /** One week's figures for everyone the viewer reaches; rates are null when there was nothing to measure. */
    public record Week(LocalDate from, LocalDate to, ServiceStandards.Figures figures) {
    }

    public List<Week> getWeeks() {
        load();
        return weeks;
    }

    /** Follow-ups that missed the standard in the whole period, newest due date first. */
    public List<ServiceStandards.FollowUp> getMisses() {
        load();
        return misses;
    }

    public String getFollowUpChart() {
        return chart(texts.get("standards.followUps"), w -> w.figures().followUpRate());
    }

    public String getCoverageChart() {
        load();
        return lineChart(List.of(
                dataset(texts.get("standards.top10"), w -> w.figures().top10Coverage(), "#0b5cad"),
                dataset(texts.get("standards.top100"), w -> w.figures().top100Coverage(), "#8a4b00")));
    }

    public String getCompletionChart() {
        return chart(texts.get("standards.completion"), w -> w.figures().callListCompletion());
    }

    /** The problems report of the same weeks (its medians and outcomes per category). */
    public ProblemsReport getProblems() {
        loadProblems();
        return problems;
    }

    /** The spikes as of now among the problems of the customers the viewer reaches, worded in the page's language. */
    public List<String> getSpikes() {
        loadProblems();
        return spikes.stream().map(n -> texts.format("standards.spike." + Math.min(4, n.spike().fold()),
                n.name() == null ? texts.get("standards.uncategorised") : n.name(), n.spike().recent(), n.spike().before(),
                n.spike().fold())).toList();
    }

    /** Problems per category per week as a stacked Chart.js bar chart, one bar a week. */
    public String getProblemChart() {
        load();
        loadProblems();
        java.util.Map<String, java.util.Map<LocalDate, Integer>> byCategory = new java.util.TreeMap<>();
        problems.weekly().forEach(w -> byCategory.computeIfAbsent(w.category(), c -> new java.util.HashMap<>()).put(w.week(), w.problems()));
        JsonArrayBuilder labels = Json.createArrayBuilder();
        weeks.forEach(w -> labels.add(w.from().toString()));
        JsonArrayBuilder sets = Json.createArrayBuilder();
        int i = 0;
        for (var category : byCategory.entrySet()) {
            JsonArrayBuilder data = Json.createArrayBuilder();
            weeks.forEach(w -> data.add(category.getValue().getOrDefault(w.from(), 0)));
            String colour = PALETTE[i++ % PALETTE.length];
            sets.add(Json.createObjectBuilder().add("label", category.getKey().equals(ProblemPatterns.UNCATEGORISED)
                    ? texts.get("standards.uncategorised") : category.getKey()).add("data", data)
                    .add("backgroundColor", colour).add("borderColor", colour));
        }
        return ChartConfig.of(Json.createObjectBuilder()
                .add("type", "bar")
                .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", sets))
                .add("options", Json.createObjectBuilder()
                        .add("animation", false)
                        .add("maintainAspectRatio", false)
                        .add("scales", Json.createObjectBuilder()
                                .add("x", Json.createObjectBuilder().add("stacked", true))
                                .add("y", Json.createObjectBuilder().add("stacked", true).add("min", 0))))
                .build());
    }

    private void loadProblems() {
        if (problems != null) {
            return;
        }
        load();
        Access access = viewer.access();
        problems = reports.problems(access, weeks.get(0).from(), weeks.get(weeks.size() - 1).to(), null);
        spikes = reports.spikes(access, null, clock.instant());
    }

    private String chart(String label, Function<Week, Double> value) {
        load();
        return lineChart(List.of(dataset(label, value, "#0b5cad")));
    }

    private jakarta.json.JsonObject dataset(String label, Function<Week, Double> value, String colour) {
        JsonArrayBuilder data = Json.createArrayBuilder();
        for (Week w : weeks) {
            Double v = value.apply(w);
            if (v == null) {
                data.addNull();
            } else {
                data.add(Math.round(v * 1000) / 10.0);
            }
        }
        return Json.createObjectBuilder().add("label", label).add("data", data).add("borderColor", colour)
                .add("backgroundColor", colour).add("spanGaps", true).build();
    }

    /** A Chart.js line chart in percent, one label per week, as PrimeFaces' {@code p:chart} takes it. */
    private String lineChart(List<jakarta.json.JsonObject> datasets) {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        weeks.forEach(w -> labels.add(w.from().toString()));
        JsonArrayBuilder sets = Json.createArrayBuilder();
        datasets.forEach(sets::add);
        return ChartConfig.of(Json.createObjectBuilder()
                .add("type", "line")
                .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", sets))
                .add("options", Json.createObjectBuilder()
                        .add("animation", false)
                        .add("maintainAspectRatio", false)
                        .add("scales", Json.createObjectBuilder().add("y", Json.createObjectBuilder().add("min", 0).add("max", 100))))
                .build());
    }

    private void load() {
        if (weeks != null) {
            return;
        }
        Access access = viewer.access();
        LocalDate today = team.todayOf(viewer.user());
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        weeks = new ArrayList<>();
        for (int i = WEEKS - 1; i >= 0; i--) {
            LocalDate from = monday.minusWeeks(i);
            LocalDate to = i == 0 ? today : from.plusDays(6);
            weeks.add(new Week(from, to, reports.serviceStandards(access, from, to).team()));
        }
        misses = weeks.stream().flatMap(w -> w.figures().followUpMisses().stream())
                .sorted(java.util.Comparator.comparing(ServiceStandards.FollowUp::dueBy).reversed()).toList();
    }
}
