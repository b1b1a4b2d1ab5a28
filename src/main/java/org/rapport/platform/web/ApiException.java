package org.rapport.platform.web;

import jakarta.ws.rs.core.Response.Status;

/** A failure the client can act on; rendered as RFC 9457 problem+json with its status and detail. */
public class ApiException extends RuntimeException {

    private final int status;
    private final String title;

    public ApiException(int status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    public static ApiException notFound(String detail) {
        return new ApiException(Status.NOT_FOUND.getStatusCode(), "Not found", detail);
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(Status.FORBIDDEN.getStatusCode(), "Forbidden", detail);
    }

    public static ApiException badRequest(String detail) {
        return new ApiException(Status.BAD_REQUEST.getStatusCode(), "Bad request", detail);
    }

    public static ApiException conflict(String detail) {
        return new ApiException(Status.CONFLICT.getStatusCode(), "Conflict", detail);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }
}
