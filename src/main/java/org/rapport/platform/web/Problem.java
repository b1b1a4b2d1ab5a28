package org.rapport.platform.web;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;

/** Builds RFC 9457 {@code application/problem+json} responses. */
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";

    private Problem() {
    }

    public static Response response(int status, String title, String detail) {
        return response(status, title, detail, null);
    }

    public static Response response(int status, String title, String detail, JsonArrayBuilder errors) {
        return Response.status(status).type(MEDIA_TYPE).entity(json(status, title, detail, errors)).build();
    }

    public static String json(int status, String title, String detail, JsonArrayBuilder errors) {
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("type", "about:blank")
                .add("title", title)
                .add("status", status);
        if (detail != null) {
            body.add("detail", detail);
        }
        if (errors != null) {
            body.add("errors", errors);
        }
        return body.build().toString();
    }
}
