package org.rapport.platform.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import org.rapport.platform.errors.DomainException;

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
        try {
            return java.util.Optional.ofNullable(action.get());
        } catch (DomainException e) {
            faces.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.title(), e.getMessage()));
            faces.validationFailed();
            return java.util.Optional.empty();
        }
    }

    public void info(String text) {
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }
}
