package org.rapport.reports;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.rapport.platform.errors.InvalidInput;
import org.rapport.platform.security.Viewer;
import org.rapport.platform.web.Params;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** A salesperson sees their own figures, a manager their team's, an admin everyone's. */
@Path("reports")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"SALES", "MANAGER", "ADMIN"})
public class ReportResource {

    @Inject
    ReportService reports;

    @Inject
    Viewer viewer;

    @Inject
    WeeklyNetweavingReport weekly;

    @GET
    @Path("service-standards")
    public ServiceStandards serviceStandards(@QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate start = Params.date("from", from);
        return reports.serviceStandards(viewer.access(), start, end(start, to));
    }

    @GET
    @Path("responses")
    public ResponsesReport responses(@QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate start = Params.date("from", from);
        return reports.responses(viewer.access(), start, end(start, to));
    }

    @GET
    @Path("responses.csv")
    @Produces("text/csv;charset=UTF-8")
    public String responsesCsv(@QueryParam("from") String from, @QueryParam("to") String to) {
        return ReportCsv.responses(responses(from, to));
    }

    @GET
    @Path("netweaving")
    public NetweavingReport netweaving(@QueryParam("from") String from, @QueryParam("to") String to,
                                       @QueryParam("team") String team) {
        LocalDate start = Params.date("from", from);
        return reports.netweaving(viewer.access(), start, end(start, to), Params.text("team", team, 64));
    }

    @GET
    @Path("netweaving.csv")
    @Produces("text/csv;charset=UTF-8")
    public String netweavingCsv(@QueryParam("from") String from, @QueryParam("to") String to,
                                @QueryParam("team") String team) {
        return ReportCsv.netweaving(netweaving(from, to, team));
    }

    @GET
    @Path("problems")
    public ProblemsReport problems(@QueryParam("from") String from, @QueryParam("to") String to,
                                   @QueryParam("team") String team) {
        LocalDate start = Params.date("from", from);
        return reports.problems(viewer.access(), start, end(start, to), Params.text("team", team, 64));
    }

    @GET
    @Path("problems.csv")
    @Produces("text/csv;charset=UTF-8")
    public String problemsCsv(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("team") String team) {
        return ReportCsv.problems(problems(from, to, team));
    }

    /** Enqueues the weekly netweaving emails that are due now (admin; the job does this every quarter of an hour). */
    @POST
    @Path("netweaving/weekly/run")
    @RolesAllowed("ADMIN")
    public java.util.Map<String, Integer> runWeekly() {
        return java.util.Map.of("enqueued", weekly.enqueueDue());
    }

    /** {@code to}: not before {@code from}, at most 366 days after it. */
    private static LocalDate end(LocalDate start, String to) {
        LocalDate end = Params.date("to", to);
        if (end.isBefore(start)) {
            throw new InvalidInput("to: " + end + " is before from " + start + ".");
        }
        if (ChronoUnit.DAYS.between(start, end) > 366) {
            throw new InvalidInput("to: a report covers at most 366 days.");
        }
        return end;
    }
}
