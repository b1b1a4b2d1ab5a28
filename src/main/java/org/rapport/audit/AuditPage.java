package org.rapport.audit;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.rapport.platform.pages.Feedback;
import org.rapport.platform.security.Viewer;

import java.util.Arrays;
import java.util.List;

/**
 * {@code /admin/audit}: the audit trail for admins, with the API's filters as GET parameters (so a filtered page can
 * be linked) and a link to the next page. Read only; a bad filter is the API's refusal, shown on the page.
 */
@Named
@RequestScoped
public class AuditPage {

    @Inject
    AuditTrail trail;

    @Inject
    Viewer viewer;

    @Inject
    Feedback feedback;

    private String actor;
    private String kind;
    private String from;
    private String to;
    private String cursor;
    private AuditTrail.EventPage page;

    public AuditTrail.EventPage getPage() {
        if (page == null) {
            page = feedback.attempt(null, () -> trail.search(viewer.access(), AuditFilter.parse(actor, kind, from, to, cursor, null)))
                    .orElse(new AuditTrail.EventPage(List.of(), null));
        }
        return page;
    }

    public List<String> getKinds() {
        return Arrays.stream(AuditKind.values()).map(Enum::name).toList();
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    public String getCursor() {
        return cursor;
    }

    public void setCursor(String cursor) {
        this.cursor = cursor;
    }
}
