package org.rapport.platform.web;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.rapport.platform.errors.Conflict;
import org.rapport.platform.errors.DomainException;
import org.rapport.platform.errors.FieldError;
import org.rapport.platform.errors.InvalidInput;
import org.rapport.platform.errors.NotAllowed;
import org.rapport.platform.errors.NotFound;
import org.rapport.platform.errors.TooManyRequests;

import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The one place where exceptions become responses: precise problem+json for clients, stack traces only in the log. */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());
    private static final Pattern UNKNOWN_PROPERTY = Pattern.compile("^Json property (.+?) can not be mapped to a class");

    @Override
    public Response toResponse(Throwable failure) {
        Optional<String> unknownField = unknownField(failure);
        if (unknownField.isPresent()) {
            return unknownField(unknownField.get());
        }
        Throwable e = unwrap(failure);
        if (e instanceof DomainException domain) {
            return domain(domain);
        }
        if (e instanceof ConstraintViolationException invalid) {
            return invalid(invalid);
        }
        if ((e instanceof JsonbException || e instanceof jakarta.json.JsonException) && readingTheRequest(failure)) {
            return Problem.response(400, "Malformed JSON", "The request body is not valid JSON for this operation: "
                    + firstLine(e.getMessage()));
        }
        if (e instanceof BodyTooLargeException tooLarge) {
            return Problem.response(413, "Request body too large", tooLarge.getMessage());
        }
        if (e instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            if (status < 500) {
                return Problem.response(status, web.getResponse().getStatusInfo().getReasonPhrase(), detailFor(status, web));
            }
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Incident " + incident, failure);
        return Problem.response(500, "Internal error", "Something went wrong on our side; incident " + incident + " is logged.");
    }

    /** Jersey's class that runs the readers of a request body: JSON-B failing under it failed on the caller's JSON. */
    static final String REQUEST_READER = "org.glassfish.jersey.message.internal.ReaderInterceptorExecutor";

    /**
     * Whether a JSON failure happened while the request body was read. JSON-B also fails while it writes an answer
     * (a type it cannot serialise): that is our fault, a 500, not the caller's malformed JSON.
     */
    static boolean readingTheRequest(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            for (StackTraceElement frame : t.getStackTrace()) {
                if (frame.getClassName().equals(REQUEST_READER)) {
                    return true;
                }
            }
        }
        return false;
    }

    static Response domain(DomainException e) {
        int status = e instanceof NotFound ? 404
                : e instanceof NotAllowed ? 403
                : e instanceof Conflict ? 409
                : e instanceof TooManyRequests ? 429
                : 400; // InvalidInput, the last permitted kind
        JsonArrayBuilder fields = null;
        if (e instanceof InvalidInput invalid && !invalid.errors().isEmpty()) {
            fields = Json.createArrayBuilder();
            for (FieldError error : invalid.errors()) {
                fields.add(Json.createObjectBuilder().add("field", error.field()).add("reason", error.reason()));
            }
        }
        Response response = Problem.response(status, e.title(), e.getMessage(), fields);
        if (e instanceof TooManyRequests tooMany) {
            return Response.fromResponse(response)
                    .header("Retry-After", Math.max(1, tooMany.retryAfter().toSeconds())).build();
        }
        return response;
    }

    /**
     * The JSON name of a field the request type does not declare, from anywhere in the cause chain (Jersey wraps the
     * JSON-B failure). Yasson gives no structured exception, only its message "Json property {0} can not be mapped to a
     * class {1}."; any other wording falls back to the general "Malformed JSON" answer.
     */
    static Optional<String> unknownField(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JsonbException && t.getMessage() != null) {
                Matcher m = UNKNOWN_PROPERTY.matcher(t.getMessage());
                if (m.find()) {
                    String field = m.group(1);
                    return Optional.of(field.length() > 100 ? field.substring(0, 100) + "…" : field);
                }
            }
        }
        return Optional.empty();
    }

    static Response unknownField(String field) {
        String reason = "is not a field of this request (misspelt, or not one the caller sets)";
        return Problem.response(400, "Unknown field", field + ": " + reason + ".",
                Json.createArrayBuilder().add(Json.createObjectBuilder().add("field", field).add("reason", reason)));
    }

    static Response invalid(ConstraintViolationException invalid) {
        JsonArrayBuilder errors = Json.createArrayBuilder();
        StringBuilder detail = new StringBuilder();
        for (ConstraintViolation<?> v : invalid.getConstraintViolations()) {
            String field = field(v.getPropertyPath().toString());
            errors.add(Json.createObjectBuilder().add("field", field).add("reason", v.getMessage()));
            detail.append(detail.length() == 0 ? "" : "; ").append(field).append(": ").append(v.getMessage());
        }
        return Problem.response(400, "Invalid request", detail.toString(), errors);
    }

    /** "create.request.purchasedOn" → "purchased_on": the JSON name the client sent. */
    static String field(String path) {
        String last = path.substring(path.lastIndexOf('.') + 1);
        return last.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static String detailFor(int status, WebApplicationException e) {
        return switch (status) {
            case 404 -> "There is no resource at this path.";
            case 405 -> "This method is not allowed on this path.";
            case 406 -> "This resource cannot produce the media type asked for in Accept.";
            case 415 -> "This operation does not accept that Content-Type; see /openapi for the media types it takes.";
            case 400 -> e.getCause() != null ? "The request could not be read: " + firstLine(unwrap(e.getCause()).getMessage())
                    : "The request could not be read.";
            default -> firstLine(e.getMessage());
        };
    }

    private static Throwable unwrap(Throwable e) {
        Throwable current = e;
        while (current.getCause() != null && current.getCause() != current
                && !(current instanceof DomainException) && !(current instanceof ConstraintViolationException)
                && (current instanceof jakarta.ws.rs.ProcessingException || current.getClass().getName().contains("Mapping")
                    || current instanceof jakarta.ejb.EJBException || current instanceof java.util.concurrent.CompletionException)) {
            current = current.getCause();
        }
        return current;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
