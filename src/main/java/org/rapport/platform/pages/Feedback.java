package org.rapport.platform.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import org.rapport.platform.errors.DomainException;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What pages do with a service's answer, the page side of the API's one problem mapper: a named domain failure
 * becomes a message on the page (its precise text, next to the field when the page names one); anything else is a
 * fault and propagates.
 */
@RequestScoped
public class Feedback {

    @Inject
    FacesContext faces;

    /** Runs {@code action}; on a domain failure shows its message for {@code clientId} (null: the whole page). */
    public <T> java.util.Optional<T> attempt(String clientId, Supplier<T> action) {
        return attemptAt(e -> clientId, action);
    }

    /** Runs {@code action}; on a domain failure shows its message for the client id {@code where} picks for it. */
    public <T> java.util.Optional<T> attemptAt(Function<DomainException, String> where, Supplier<T> action) {
        try {
            return java.util.Optional.ofNullable(action.get());
        } catch (DomainException e) {
            error(where.apply(e), e.title(), e.getMessage());
            return java.util.Optional.empty();
        }
    }

    /** An error message for {@code clientId} (null: the whole page); the request counts as failed validation. */
    public void error(String clientId, String summary, String detail) {
        faces.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, summary, detail));
        faces.validationFailed();
    }

    public void info(String text) {
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }
}
