package org.rapport.platform.web;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Bean Validation failures as problem+json; more specific than Jersey's own mapper, which answers in HTML. */
@Provider
public class ValidationProblemMapper implements ExceptionMapper<ConstraintViolationException> {

    @Override
    public Response toResponse(ConstraintViolationException invalid) {
        return ProblemMapper.invalid(invalid);
    }
}
