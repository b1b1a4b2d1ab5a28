package org.rapport.reports;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import org.rapport.platform.pages.ChartConfig;
import jakarta.json.JsonArrayBuilder;
import org.rapport.netweaving.Introduction;
import org.rapport.netweaving.IntroductionService;
import org.rapport.netweaving.IntroductionStage;
import org.rapport.netweaving.RejectRequest;
import org.rapport.netweaving.RewardStatus;
import org.rapport.netweaving.TeamBudget;
import org.rapport.platform.pages.Age;
import org.rapport.platform.pages.Feedback;
import org.rapport.platform.pages.Language;
import org.rapport.platform.pages.Texts;
import org.rapport.platform.security.AuthenticatedUser;
import org.rapport.platform.web.Params;
import org.rapport.team.TeamService;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@code /netweaving}: the manager's board. The introductions they reach (the list {@code GET /api/introductions}
 * answers, newest first and as many as it gives) in columns by stage with their time in the stage; one opened
 * ({@code ?introduction=ID}) with its history and explanation, to approve or decline while PROPOSED through the same
 * service as the API; and the netweaving report of the quarter so far ({@code GET /api/reports/netweaving}): the rewards
 * proposed in it against the team's quarterly budget, and the funnel as a chart with its figures in a table.
 */
@Named
@RequestScoped
public class NetweavingPage {

    /** Final stages show the introductions that got there within this; the earlier ones are counted. */
    static final Duration SETTLED_SHOWN = Duration.ofDays(30);

    /** The request parameter naming the opened introduction (the link's query and the decision form's field). */
    static final String OPENED = "introduction";

    /** The statuses of the rewards' table, in the order a reward goes through them; a rejected one last. */
    private static final List<String> REWARD_ORDER = List.of(RewardStatus.PROPOSED.name(), RewardStatus.APPROVED.name(),
            RewardStatus.FULFILLED.name(), RewardStatus.REJECTED.name());

    @Inject
    IntroductionService introductions;

    @Inject
    ReportService reports;

    @Inject
    TeamService team;

    @Inject
    org.rapport.platform.security.Viewer viewer;

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


    private String reason;
    private List<Introduction> listed;
    private IntroductionBoard board;
    private Optional<Introduction> opened;
    private NetweavingReport report;

    public IntroductionBoard getBoard() {
        if (board == null) {
            board = IntroductionBoard.of(getListed(), clock.instant(), SETTLED_SHOWN);
        }
        return board;
    }

    /** Whether the list stopped at the service's limit, so that older introductions are not on the board. */
    public boolean isCapped() {
        return getListed().size() >= IntroductionService.LIST_LIMIT;
    }

    /** The note that the board shows the newest introductions only. */
    public String getCappedText() {
        return texts.format("netweaving.capped", IntroductionService.LIST_LIMIT);
    }

    public int getListedCount() {
        return getListed().size();
    }

    private List<Introduction> getListed() {
        if (listed == null) {
            listed = introductions.list(viewer.access(), null, null);
        }
        return listed;
    }

    /** The introduction asked for with its history, or null when none is asked for or the service refused it. */
    public Introduction getOpened() {
        if (opened == null) {
            String asked = faces.getExternalContext().getRequestParameterMap().get(OPENED);
            opened = feedback.attempt(null, () -> Params.id(OPENED, asked)
                    .map(id -> introductions.find(viewer.access(), id)).orElse(null));
        }
        return opened.orElse(null);
    }

    /** Reads the opened introduction before the page is drawn (a refusal is a message at the top of the page). */
    public void open() {
        getOpened();
    }

    /** Whether the opened introduction waits for approval, so that the page offers to approve or decline it. */
    public boolean isDecidable() {
        Introduction i = getOpened();
        return i != null && i.stage() == IntroductionStage.PROPOSED;
    }

    /** The reason typed into the decline form. */
    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public void approve() throws IOException {
        Introduction i = getOpened();
        if (i != null && feedback.attempt(null, () -> introductions.approve(viewer.user(), i.id())).isPresent()) {
            done(i, "netweaving.approved");
        }
    }

    /** Declines with the reason, checked as the API checks a {@link RejectRequest} (next to the field when refused). */
    public void decline() throws IOException {
        Introduction i = getOpened();
        RejectRequest rejection = new RejectRequest();
        rejection.reason = reason;
        if (i != null && feedback.valid("decline", rejection)
                && feedback.attempt(null, () -> introductions.decline(viewer.user(), i.id(), rejection.reason.strip())).isPresent()) {
            done(i, "netweaving.declined");
        }
    }

    /** Back to the introduction with a GET, the confirmation kept for it. */
    private void done(Introduction i, String textKey) throws IOException {
        feedback.info(texts.format(textKey, i.first().company(), i.second().company()));
        ExternalContext external = faces.getExternalContext();
        external.getFlash().setKeepMessages(true);
        external.redirect(openPath(i.id()));
    }

    // ------------------------------------------------------------------------------------------- the report's figures

    /** The netweaving report of the quarter so far, of the manager's team (an admin's: of everyone). */
    public NetweavingReport getReport() {
        if (report == null) {
            AuthenticatedUser user = viewer.user();
            LocalDate today = team.todayOf(user); // the viewer's today, as on /team and /standards
            String teamOf = user.access().isTeam() ? user.salespersonExternalId() : null;
            report = reports.netweaving(user.access(), TeamBudget.quarterStart(today), today, teamOf);
        }
        return report;
    }

    /** The reward figures by status (in the order a reward goes through them), then currency. */
    public List<NetweavingReport.RewardFigures> getRewards() {
        return getReport().rewards().byStatus().stream()
                .sorted(Comparator.comparing((NetweavingReport.RewardFigures r) -> REWARD_ORDER.indexOf(r.status()))
                        .thenComparing(NetweavingReport.RewardFigures::currency))
                .toList();
    }

    /** The funnel as a Chart.js horizontal bar chart, as PrimeFaces' {@code p:chart} takes it. */
    public String getFunnelChart() {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder data = Json.createArrayBuilder();
        for (NetweavingReport.Stage s : getReport().funnel()) {
            labels.add(stage(s.stage()));
            data.add(s.reached());
        }
        return ChartConfig.of(Json.createObjectBuilder()
                .add("type", "bar")
                .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("label", texts.get("netweaving.reached")).add("data", data)
                                .add("backgroundColor", "#0b5cad"))))
                .add("options", Json.createObjectBuilder()
                        .add("indexAxis", "y")
                        .add("animation", false)
                        .add("maintainAspectRatio", false)
                        .add("plugins", Json.createObjectBuilder().add("legend", Json.createObjectBuilder().add("display", false)))
                        .add("scales", Json.createObjectBuilder().add("x", Json.createObjectBuilder().add("min", 0)
                                .add("ticks", Json.createObjectBuilder().add("precision", 0)))))
                .build());
    }

    // ------------------------------------------------------------------------------------------------------ texts

    public String stage(IntroductionStage stage) {
        return stage == null ? "" : texts.get("netweaving.stage." + stage.name());
    }

    /** The age badge: how long in the stage ({@link Age}: "under a day" below one day). */
    public String age(long days) {
        return Age.text(language.getLocale(), days);
    }

    /** Under a final stage's column: how many got there before the recent window. */
    public String earlier(int count) {
        return texts.format("netweaving.earlier", count);
    }

    /** A share (0.25) as a whole percentage, or a dash when there is nothing to measure. */
    public String percent(Double share) {
        return share == null ? "–" : Math.round(share * 100) + " %";
    }

    /** The board's link that opens an introduction. */
    public String openPath(long id) {
        return faces.getExternalContext().getRequestContextPath() + "/netweaving?" + OPENED + "=" + id + "#detail";
    }
}
