package org.rapport.customerpage;

import org.rapport.problems.ProblemRequest;
import org.rapport.problems.Severity;

import java.time.Instant;
import java.time.ZoneOffset;

/** The "record a problem" form: opened now, with an id of Rapport's own, the form's key (the help desk's own problems come by import). */
public class ProblemForm {

    private String key = Forms.newKey();
    private String summary;
    private String severity = Severity.MEDIUM.name();
    private String category;

    ProblemRequest toRequest(String customer, Instant now) {
        ProblemRequest request = new ProblemRequest();
        request.externalId = Forms.externalIdOf(key);
        request.customer = customer;
        request.openedAt = now.atOffset(ZoneOffset.UTC);
        request.severity = Forms.oneOf(Severity.class, severity);
        request.category = Forms.blankToNull(category);
        request.summary = Forms.blankToNull(summary);
        return request;
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }

    public String getSummary() {
        return summary;
    }

    public void setSummary(String summary) {
        this.summary = summary;
    }

    public String getSeverity() {
        return severity;
    }

    public void setSeverity(String severity) {
        this.severity = severity;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }
}
