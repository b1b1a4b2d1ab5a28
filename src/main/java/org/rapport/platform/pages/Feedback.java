package org.rapport.platform.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.rapport.platform.errors.DomainException;
import org.rapport.platform.errors.InvalidInput;

import java.util.Comparator;
import java.util.Locale;
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

    @Inject
    Validator validator;

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
        faces.addMessage(null, alone(FacesMessage.SEVERITY_INFO, text));
    }

    /**
     * Runs {@code action} for the form {@code formId}; a domain failure whose detail starts with a field name, as the
     * services write them ({@code "occurred_at: … is in the future."}), goes next to that field of the form (component
     * id {@code occurredAt}), anything else to the form as a whole.
     */
    public <T> java.util.Optional<T> attemptIn(String formId, Supplier<T> action) {
        try {
            return java.util.Optional.ofNullable(action.get());
        } catch (DomainException e) {
            faces.addMessage(fieldOf(formId, e.getMessage()), alone(FacesMessage.SEVERITY_ERROR, e.getMessage()));
            faces.validationFailed();
            return java.util.Optional.empty();
        }
    }

    /**
     * Checks {@code request} against the same Bean Validation constraints the API applies to it, each violation next to
     * its field of the form {@code formId} ({@code "amount: must be a decimal string …"}); whether it passed.
     */
    public boolean valid(String formId, Object request) {
        return valid(request, field -> formId + ":" + field);
    }

    /**
     * Checks {@code request} against the API's Bean Validation constraints, each violation, named by its JSON path
     * ({@code "contact_policy.send_window_start: must not be null"}), next to the component {@code clientIdOf} gives for
     * its property path ({@code contactPolicy.sendWindowStart}); whether it passed.
     */
    public boolean valid(Object request, Function<String, String> clientIdOf) {
        var violations = validator.validate(request).stream()
                .sorted(Comparator.comparing((ConstraintViolation<Object> v) -> v.getPropertyPath().toString())).toList();
        for (ConstraintViolation<Object> v : violations) {
            String field = v.getPropertyPath().toString();
            faces.addMessage(clientIdOf.apply(field), alone(FacesMessage.SEVERITY_ERROR,
                    snakeCase(field) + ": " + v.getMessage()));
        }
        if (!violations.isEmpty()) {
            faces.validationFailed();
        }
        return violations.isEmpty();
    }

    /**
     * Runs {@code action}; on a domain failure shows each field it names next to the component {@code clientIdOf} gives
     * for that field's JSON path ({@code "contact_policy.send_window_end"}, {@code "[2].date"}; {@code ""} when it names
     * none): every {@link InvalidInput#errors()} entry on its own, else the field the detail starts with.
     */
    public <T> java.util.Optional<T> attemptFields(Function<String, String> clientIdOf, Supplier<T> action) {
        try {
            return java.util.Optional.ofNullable(action.get());
        } catch (DomainException e) {
            if (e instanceof InvalidInput invalid && !invalid.errors().isEmpty()) {
                invalid.errors().forEach(f -> faces.addMessage(clientIdOf.apply(f.field()),
                        alone(FacesMessage.SEVERITY_ERROR, f + ".")));
            } else {
                faces.addMessage(clientIdOf.apply(fieldNamed(e.getMessage())),
                        alone(FacesMessage.SEVERITY_ERROR, e.getMessage()));
            }
            faces.validationFailed();
            return java.util.Optional.empty();
        }
    }

    /** The JSON path a detail starts with ({@code "[2].date: … is listed twice."}: {@code [2].date}), else {@code ""}. */
    static String fieldNamed(String detail) {
        int colon = detail == null ? -1 : detail.indexOf(": ");
        return colon > 0 && detail.substring(0, colon).matches("[\\[\\]A-Za-z0-9_.]+") ? detail.substring(0, colon) : "";
    }

    /**
     * A message that is its own summary: an empty detail, not null (Faces shows the summary again as a null detail, so
     * the page's list of messages said each twice).
     */
    private static FacesMessage alone(FacesMessage.Severity severity, String text) {
        return new FacesMessage(severity, text, "");
    }

    /** The client id of the field a detail names ({@code "currency: …"} in form {@code buy}: {@code buy:currency}), else the form's. */
    private String fieldOf(String formId, String detail) {
        int colon = detail == null ? -1 : detail.indexOf(':');
        if (colon > 0 && detail.substring(0, colon).matches("[a-z_]+")) {
            String clientId = formId + ":" + camelCase(detail.substring(0, colon));
            if (faces.getViewRoot() != null && faces.getViewRoot().findComponent(":" + clientId) != null) {
                return clientId;
            }
        }
        return formId;
    }

    /** {@code send_window_start} → {@code sendWindowStart}: a JSON name as the Java property (and component id) it names. */
    public static String camelCase(String snake) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : snake.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    static String snakeCase(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
