package org.rapport.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.rapport.customers.CustomerDetail;
import org.rapport.customers.CustomerService;
import org.rapport.mail.MailTemplates;
import org.rapport.mail.RenderedMail;
import org.rapport.platform.security.Access;
import org.rapport.platform.web.Params;
import org.rapport.team.SalespersonView;
import org.rapport.team.TeamService;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A template rendered for one customer the viewer may see, with sample values for everything else
 * ({@link SampleModels#preview}): the rule behind {@code GET /api/templates/{name}/preview} and {@code /admin/templates}.
 */
@ApplicationScoped
public class TemplatePreviews {

    @Inject
    MailTemplates templates;

    @Inject
    CustomerService customers;

    @Inject
    TeamService team;

    @Inject
    @ConfigProperty(name = "rapport.company.name")
    String companyName;

    @Inject
    @ConfigProperty(name = "rapport.public.url")
    String publicUrl;

    /**
     * Renders {@code name} for {@code customer} in {@code locale} (a BCP 47 tag; empty: the customer's own).
     *
     * @throws UnknownTemplateException no template has that name
     * @throws org.rapport.platform.errors.InvalidInput no customer named, or a locale that is no language tag
     * @throws org.rapport.platform.errors.CustomerNotFound no such customer
     * @throws org.rapport.platform.errors.NotAllowed a customer the viewer may not see
     */
    public RenderedMail preview(Access access, String name, String customer, String locale) {
        MailTemplate template = MailTemplate.byName(name).orElseThrow(() -> new UnknownTemplateException(name));
        String named = Params.required("customer", customer, 64, "the external_id of the customer to preview for");
        CustomerDetail detail = customers.detail(access, named);
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
