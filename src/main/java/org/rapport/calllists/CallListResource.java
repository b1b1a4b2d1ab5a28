package org.rapport.calllists;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.rapport.platform.security.Viewer;
import org.rapport.platform.web.Params;

import java.time.LocalDate;

@Path("call-lists")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"SALES", "MANAGER", "ADMIN"})
public class CallListResource {

    @Inject
    CallListService callLists;

    @Inject
    DailyDigest digest;

    @Inject
    Viewer viewer;

    /** Enqueues the morning emails that are due now (admin; the job does this every quarter of an hour). Idempotent. */
    @POST
    @Path("digests/run")
    @RolesAllowed("ADMIN")
    public java.util.Map<String, Integer> runDigests() {
        return java.util.Map.of("enqueued", digest.enqueueDue());
    }

    /** The list of a salesperson for a local date: their own (SALES), their team's (MANAGER) or anyone's (ADMIN). */
    @GET
    @Path("{salesperson}/{date: \\d{4}-\\d{2}-\\d{2}}")
    public CallList list(@PathParam("salesperson") String salesperson, @PathParam("date") String date) {
        return callLists.list(viewer.access(), salesperson, date(date));
    }

    @GET
    @Path("{salesperson}/{date: \\d{4}-\\d{2}-\\d{2}}.csv")
    @Produces("text/csv;charset=UTF-8")
    public String csv(@PathParam("salesperson") String salesperson, @PathParam("date") String date) {
        return CallListFormats.csv(callLists.list(viewer.access(), salesperson, date(date)));
    }

    @GET
    @Path("{salesperson}/{date: \\d{4}-\\d{2}-\\d{2}}.ics")
    @Produces("text/calendar;charset=UTF-8")
    public String ics(@PathParam("salesperson") String salesperson, @PathParam("date") String date) {
        CallList list = callLists.list(viewer.access(), salesperson, date(date));
        return CallListFormats.ics(list, java.time.ZoneId.of(list.timeZone()));
    }

    /** The secret calendar address of a salesperson's list (their own, their team's for a manager, or anyone's). */
    @GET
    @Path("{salesperson}/calendar-link")
    public java.util.Map<String, String> calendarLink(@PathParam("salesperson") String salesperson) {
        return java.util.Map.of("url", callLists.calendarLink(viewer.access(), salesperson));
    }

    /** A new secret calendar address; the salesperson's older addresses stop working (a lost phone, a leaked link). */
    @POST
    @Path("{salesperson}/calendar-link")
    public java.util.Map<String, String> rotateCalendarLink(@PathParam("salesperson") String salesperson) {
        return java.util.Map.of("url", callLists.rotateCalendarLink(viewer.access(), salesperson));
    }

    @POST
    @Path("items/{id}/outcome")
    @Consumes(MediaType.APPLICATION_JSON)
    public ItemState outcome(@PathParam("id") long id, @Valid @NotNull OutcomeRequest request) {
        return callLists.recordOutcome(viewer.user(), id, request);
    }

    @POST
    @Path("items/{id}/snooze")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Snooze a call",
            description = "Moves an OPEN call to `until` (after today in its holder's zone, at most 14 days ahead; a "
                    + "problem-related call not past its `due_by`), without counting a try or logging a touch. It keeps its "
                    + "age (`days_overdue` counts from its due-by date). 400 with the reason otherwise; 409 when the call is "
                    + "not OPEN; 403 for an item not on a list the caller reaches, as for an outcome.")
    public ItemState snooze(@PathParam("id") long id, @Valid @NotNull SnoozeRequest request) {
        return callLists.snooze(viewer.user(), id, request);
    }

    @POST
    @Path("items/{id}/hand-back")
    @Operation(summary = "Hand back a courtesy call",
            description = "The salesperson gives back an OPEN courtesy call they will not make: it leaves the list (status "
                    + "CANCELLED, outcome HANDED_BACK; no touch is logged) and the planner plans the customer's next courtesy "
                    + "call by the tier's cadence from today. The body is `{}` or `{\"note\":\"…\"}`. 409 for any other kind of call "
                    + "or a call that is not OPEN; 403 for an item not on a list the caller reaches, as for an outcome.")
    public ItemState handBack(@PathParam("id") long id, @Valid HandBackRequest request) {
        return callLists.handBack(viewer.user(), id, request == null ? new HandBackRequest() : request);
    }

    @POST
    @Path("items/{id}/take")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Take an escalated call",
            description = "The one who decides about the call (the manager of its holder, that manager's backup while the "
                    + "manager is away, or an admin acting for a salesperson) takes the ESCALATED call: it is OPEN on their "
                    + "own list from today, with a fresh round of tries. 403 for anyone else, and for an id that does not "
                    + "exist (to an admin: 404); 409 when the call is not ESCALATED.")
    public ItemState take(@PathParam("id") long id, @Valid DecisionRequest request) {
        return callLists.take(viewer.user(), id, request == null ? new DecisionRequest() : request);
    }

    @POST
    @Path("items/{id}/reassign")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Give an escalated call to a salesperson of the team",
            description = "The one who decides about the call (see take) gives the ESCALATED call to `salesperson`, who must be "
                    + "within the manager's reach (their team; an admin: anyone): it is OPEN on that salesperson's list from today, with a fresh "
                    + "round of tries.")
    public ItemState reassign(@PathParam("id") long id, @Valid @NotNull ReassignRequest request) {
        return callLists.reassign(viewer.user(), id, request);
    }

    @POST
    @Path("items/{id}/reschedule")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reschedule an escalated call",
            description = "The one who decides about the call (see take) puts the ESCALATED call back on its holder's list on "
                    + "`reschedule_to` (the customer's today or later), OPEN with a fresh round of tries.")
    public ItemState reschedule(@PathParam("id") long id, @Valid @NotNull EscalationRescheduleRequest request) {
        return callLists.rescheduleEscalated(viewer.user(), id, request);
    }

    @POST
    @Path("items/{id}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Close an escalated call",
            description = "The one who decides about the call (see take) closes the ESCALATED call (DONE, outcome CLOSED) "
                    + "with a `note` saying why.")
    public ItemState close(@PathParam("id") long id, @Valid @NotNull CloseRequest request) {
        return callLists.closeEscalated(viewer.user(), id, request);
    }

    private static LocalDate date(String text) {
        return Params.date("date", text);
    }
}
