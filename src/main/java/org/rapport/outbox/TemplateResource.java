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
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.rapport.customers.CustomerDetail;
import org.rapport.customers.CustomerService;
import org.rapport.mail.MailTemplates;
import org.rapport.mail.RenderedMail;
import org.rapport.platform.security.Viewer;
import org.rapport.platform.web.Params;
import org.rapport.team.SalespersonView;
import org.rapport.team.TeamService;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

@Path("templates")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"SALES", "MANAGER", "ADMIN"})
public class TemplateResource {

    @Inject
    MailTemplates templates;

    @Inject
    CustomerService customers;

    @Inject
    TeamService team;

    @Inject
    Viewer viewer;

    @Inject
    @ConfigProperty(name = "rapport.company.name")
    String companyName;

    @Inject
    @ConfigProperty(name = "rapport.public.url")
    String publicUrl;

    @GET
    public List<String> list() {
        return MailTemplate.names();
    }

    /** Renders a message for one of the caller's customers, in their locale unless {@code locale} says otherwise. */
    @GET
    @Path("{name}/preview")
    public RenderedMail preview(@PathParam("name") String name, @QueryParam("customer") String customer,
                                @QueryParam("locale") String locale) {
        MailTemplate template = MailTemplate.byName(name).orElseThrow(() -> new UnknownTemplateException(name));
        String named = Params.required("customer", customer, 64, "the external_id of the customer to preview for");
        CustomerDetail detail = customers.detail(viewer.access(), named);
        SalespersonView owner = detail.owner() == null ? null : team.find(detail.owner()).orElse(null);
        Map<String, Object> model = SampleModels.preview(template, customerModel(detail), salespersonModel(owner), companyName, publicUrl);
        Locale chosen = Params.locale("locale", locale == null || locale.isBlank() ? detail.locale() : locale);
        return templates.render(template.folder(), chosen == null ? Locale.ROOT : chosen, model);
    }

    private static Map<String, Object> customerModel(CustomerDetail c) {
        Map<String, Object> customer = new HashMap<>();
        customer.put("preferredName", firstOf(c.preferredName(), c.contactFirstName(), c.company()));
        customer.put("company", c.company());
        return customer;
    }

    private Map<String, Object> salespersonModel(SalespersonView s) {
        Map<String, Object> salesperson = new HashMap<>();
        salesperson.put("name", s == null ? companyName : s.name());
        salesperson.put("email", s == null || s.email() == null ? "" : s.email());
        return salesperson;
    }

    private static String firstOf(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return "";
    }
}
