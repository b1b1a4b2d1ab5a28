package org.rapport.platform.web;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyNamingStrategy;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * snake_case JSON that matches the CSV column names. A field that a request type does not declare (a misspelt one, or
 * one the caller does not control such as {@code id} or {@code status}) fails the read, and {@link ProblemMapper}
 * answers 400 naming it. Jersey's JSON-B provider uses this resolver for every request and response body.
 */
@Provider
public class JsonConfig implements ContextResolver<Jsonb> {

    /**
     * Yasson 3's key ({@code YassonConfig.FAIL_ON_UNKNOWN_PROPERTIES}; Yasson is not on our compile class path). The
     * {@code yasson.fail-on-unknown-properties} spelling used before is read by nothing, so unknown fields were dropped.
     */
    static final String FAIL_ON_UNKNOWN_PROPERTIES = "jsonb.fail-on-unknown-properties";

    private final Jsonb jsonb = JsonbBuilder.create(new JsonbConfig()
            .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES)
            .withNullValues(true)
            .setProperty(FAIL_ON_UNKNOWN_PROPERTIES, true));

    @Override
    public Jsonb getContext(Class<?> type) {
        return jsonb;
    }
}
