package org.rapport.customerpage;

import org.rapport.touches.TouchKind;
import org.rapport.touches.TouchRequest;

/** The "log a call, visit or note" form: what the salesperson typed, as the API's request. */
public class TouchForm {

    private String kind = TouchKind.CALL.name();
    private String outcome = TouchKind.Outcome.REACHED.name();
    private String note;

    /** The request for {@code customer}; a kind or outcome outside the form's options is left out for validation to name. */
    TouchRequest toRequest(String customer) {
        TouchRequest request = new TouchRequest();
        request.customer = customer;
        request.kind = Forms.oneOf(TouchKind.class, kind);
        request.outcome = Forms.oneOf(TouchKind.Outcome.class, outcome);
        request.note = Forms.blankToNull(note);
        return request;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getOutcome() {
        return outcome;
    }

    public void setOutcome(String outcome) {
        this.outcome = outcome;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
