package org.rapport.planning;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** Company holidays, on top of each region's public holidays: everyone reads them, an admin replaces the list. */
@Path("holidays")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"SALES", "MANAGER", "ADMIN"})
public class HolidaysResource {

    @Inject
    RuleService rules;

    @GET
    public List<CompanyHoliday> holidays() {
        return rules.holidays();
    }

    @PUT
    @RolesAllowed("ADMIN")
    public List<CompanyHoliday> replaceHolidays(@NotNull List<@Valid @NotNull CompanyHoliday> holidays) {
        return rules.replaceHolidays(holidays);
    }
}
