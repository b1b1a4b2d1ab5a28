package org.rapport.platform.web;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.rapport.platform.errors.Conflict;
import org.rapport.platform.errors.CustomerNotFound;
import org.rapport.platform.errors.FieldError;
import org.rapport.platform.errors.InvalidInput;
import org.rapport.platform.errors.NotAllowed;
import org.rapport.platform.errors.TooManyRequests;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemMapperTest {

    @Test
    void violationPathsAreReportedWithTheJsonFieldName() {
        assertThat(ProblemMapper.field("record.request.purchasedOn")).isEqualTo("purchased_on");
        assertThat(ProblemMapper.field("create.arg0.externalId")).isEqualTo("external_id");
        assertThat(ProblemMapper.field("amount")).isEqualTo("amount");
    }

    @Test
    void anUnknownJsonFieldIsFoundThroughJerseysWrappingAndNamedWithoutTheClass() {
        JsonbException yasson = new JsonbException(
                "Json property owner_id can not be mapped to a class class org.rapport.touches.TouchRequest.");
        Response response = new ProblemMapper().toResponse(new ProcessingException("Error deserializing object from entity stream.",
                new BadRequestException(yasson)));

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getEntity().toString())
                .contains("\"title\":\"Unknown field\"", "\"detail\":\"owner_id: is not a field of this request", "\"field\":\"owner_id\"")
                .doesNotContain("org.rapport");
    }

    @Test
    void otherJsonFailuresAreNotTakenForAnUnknownField() {
        assertThat(ProblemMapper.unknownField(new JsonbException("Unexpected char 34 at (line no=1, column no=15, offset=14)")))
                .isEmpty();
        assertThat(new ProblemMapper().toResponse(whileReading(new JsonbException("Unexpected char"))).getEntity().toString())
                .contains("Malformed JSON");
    }

    /** JSON-B failing on an answer it cannot write is our fault: a 500 with an incident, not "your JSON is malformed". */
    @Test
    void jsonThatFailsWhileTheAnswerIsWrittenIsOurs() {
        JsonbException writing = new JsonbException("Error accessing getter 'cutoffs' declared in 'class Report'");
        writing.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("org.glassfish.jersey.message.internal.WriterInterceptorExecutor", "proceed", null, 1)});
        jakarta.ws.rs.core.Response response = new ProblemMapper().toResponse(writing);
        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getEntity().toString()).doesNotContain("Malformed JSON");
        assertThat(new ProblemMapper().toResponse(whileReading(new JsonbException("Unexpected char"))).getStatus()).isEqualTo(400);
    }

    /** As Jersey throws it while reading a request body: its reader executor on the stack, under a wrapper. */
    private static Throwable whileReading(Exception e) {
        e.setStackTrace(new StackTraceElement[] {new StackTraceElement(ProblemMapper.REQUEST_READER, "proceed", null, 1)});
        return new jakarta.ws.rs.ProcessingException(e);
    }

    @Test
    void aDomainExceptionThatNamesSeveralFieldsListsEachWithItsReason() {
        InvalidInput invalid = new InvalidInput("Invalid rates", List.of(new FieldError("rates[0].rate", "'0' is not more than 0"),
                new FieldError("company_currency", "'EURO' is not an ISO 4217 currency code"))) {
        };
        Response response = ProblemMapper.domain(invalid);
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getEntity().toString()).contains(
                "\"detail\":\"rates[0].rate: '0' is not more than 0; company_currency: 'EURO' is not an ISO 4217 currency code.\"",
                "\"errors\":[{\"field\":\"rates[0].rate\",\"reason\":\"'0' is not more than 0\"},"
                        + "{\"field\":\"company_currency\",\"reason\":\"'EURO' is not an ISO 4217 currency code\"}]");
        assertThat(ProblemMapper.domain(new InvalidInput("amount: not a number")).getEntity().toString()).doesNotContain("errors");
    }

    @Test
    void eachNamedDomainExceptionHasItsStatusAndKeepsItsDetail() {
        assertThat(ProblemMapper.domain(new CustomerNotFound("C-1")).getStatus()).isEqualTo(404);
        assertThat(ProblemMapper.domain(new NotAllowed("not yours")).getStatus()).isEqualTo(403);
        assertThat(ProblemMapper.domain(new Conflict("done")).getStatus()).isEqualTo(409);
        assertThat(ProblemMapper.domain(new InvalidInput("amount: not a number")).getStatus()).isEqualTo(400);
        Response tooMany = ProblemMapper.domain(new TooManyRequests("50 a day", Duration.ofMinutes(90)));
        assertThat(tooMany.getStatus()).isEqualTo(429);
        assertThat(tooMany.getHeaderString("Retry-After")).isEqualTo("5400");
        assertThat(ProblemMapper.domain(new CustomerNotFound("C-1")).getEntity().toString())
                .contains("\"detail\":\"There is no customer 'C-1'.\"");
    }
}
