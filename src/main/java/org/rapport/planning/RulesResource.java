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

/** The planner's rules: everyone reads them, an admin changes them. */
@Path("rules")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"SALES", "MANAGER", "ADMIN"})
public class RulesResource {

    @Inject
    RuleService rules;

    @GET
    public RulesDocument get() {
        return rules.document();
    }

    @PUT
    @RolesAllowed("ADMIN")
    public RulesDocument put(@Valid @NotNull RulesDocument document) {
        rules.replace(document);
        return get();
    }
}
