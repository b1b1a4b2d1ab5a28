package org.rapport.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The id of one request, to find it again in the audit trail and in a caller's or proxy's logs: the caller's
 * {@code X-Request-Id} when it is well formed, else a new UUID; answered in the response's {@code X-Request-Id}. Only
 * letters, digits and {@code . _ : -}, at most {@link #MAX_LENGTH} characters: a caller's header goes into the
 * database and back into a response header, so it must carry neither markup nor line breaks, nor grow without bound.
 */
public final class RequestId {

    public static final String HEADER = "X-Request-Id";
    public static final int MAX_LENGTH = 64;
    private static final String ATTRIBUTE = RequestId.class.getName();
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:-]{1," + MAX_LENGTH + "}");

    private RequestId() {
    }

    /** The caller's id if it is well formed; empty for anything else, which is then replaced, not refused. */
    public static Optional<String> accepted(String header) {
        return header != null && WELL_FORMED.matcher(header).matches() ? Optional.of(header) : Optional.empty();
    }

    /**
     * The request's id, decided on the first call (authentication runs before any filter, so whichever comes first
     * decides) and kept on the request; every call puts it on the response, which an error dispatch may have reset.
     */
    public static String assign(HttpServletRequest request, HttpServletResponse response) {
        String id = request.getAttribute(ATTRIBUTE) instanceof String known ? known
                : accepted(request.getHeader(HEADER)).orElseGet(() -> UUID.randomUUID().toString());
        request.setAttribute(ATTRIBUTE, id);
        response.setHeader(HEADER, id);
        return id;
    }

    /** The id {@link #assign} gave this request, if it ran. */
    public static Optional<String> of(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof String id ? Optional.of(id) : Optional.empty();
    }
}
