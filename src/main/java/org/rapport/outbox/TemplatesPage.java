package org.rapport.outbox;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.rapport.mail.RenderedMail;
import org.rapport.platform.errors.DomainException;
import org.rapport.platform.pages.Feedback;
import org.rapport.platform.security.Viewer;

import java.util.List;

/**
 * {@code /admin/templates}: one template rendered for a customer in a language, for admins, through
 * {@link TemplatePreviews} as {@code GET /api/templates/{name}/preview} renders it. The page shows the HTML in a
 * sandboxed frame (no script of the message runs, in the frame or in the page) and the plain text as text.
 */
@Named
@RequestScoped
public class TemplatesPage {

    /** The form's id. */
    static final String FORM = "preview";

    @Inject
    TemplatePreviews previews;

    @Inject
    Viewer viewer;

    @Inject
    Feedback feedback;

    private String template = MailTemplate.names().get(0);
    private String customer;
    private String locale = "en";
    private RenderedMail mail;

    public List<String> getTemplates() {
        return MailTemplate.names();
    }

    public List<String> getLocales() {
        return List.of("en", "de");
    }

    public void preview() {
        mail = feedback.attemptAt(TemplatesPage::fieldOf, () -> previews.preview(viewer.access(), template, customer, locale))
                .orElse(null);
    }

    /** The field a refusal is about: the template, the language, else the customer (none named, unknown, not visible). */
    static String fieldOf(DomainException e) {
        if (e instanceof UnknownTemplateException) {
            return FORM + ":template";
        }
        return FORM + (e.getMessage() != null && e.getMessage().startsWith("locale:") ? ":locale" : ":customer");
    }

    public RenderedMail getMail() {
        return mail;
    }

    public String getTemplate() {
        return template;
    }

    public void setTemplate(String template) {
        this.template = template;
    }

    public String getCustomer() {
        return customer;
    }

    public void setCustomer(String customer) {
        this.customer = customer;
    }

    public String getLocale() {
        return locale;
    }

    public void setLocale(String locale) {
        this.locale = locale;
    }
}
