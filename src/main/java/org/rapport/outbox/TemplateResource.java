package org.rapport.outbox;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.rapport.mail.RenderedMail;
import org.rapport.platform.security.Viewer;

import java.util.List;

@Path("templates")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"SALES", "MANAGER", "ADMIN"})
public class TemplateResource {

    @Inject
    TemplatePreviews previews;

    @Inject
    Viewer viewer;

    @GET
    public List<String> list() {
        return MailTemplate.names();
    }

    /** Renders a message for one of the caller's customers, in their locale unless {@code locale} says otherwise. */
    @GET
    @Path("{name}/preview")
    public RenderedMail preview(@PathParam("name") String name, @QueryParam("customer") String customer,
                                @QueryParam("locale") String locale) {
        return previews.preview(viewer.access(), name, customer, locale);
    }
}
