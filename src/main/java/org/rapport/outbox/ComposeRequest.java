package org.rapport.outbox;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * {@code POST /api/outbox}: one message from a template to a customer, sent through the outbox like any other (contact
 * policy, unsubscribe, reply routing). For integrations and one-off notes; the planner enqueues its own.
 */
public class ComposeRequest {

    @NotBlank @Size(max = 64) public String template;

    @NotBlank @Size(max = 64) public String customer;

    /** BCP 47; the customer's own locale when absent. */
    @Size(max = 35) public String locale;

    /** What the template needs beyond the people, e.g. {@code {"purchase":{"description":…,"amount":…,"date":…}}}. */
    public Map<String, Object> fields;

    /** Not before this moment; now when absent. */
    public OffsetDateTime notBefore;

    /** The same key again returns the first message instead of a second one; a fresh one is made when absent. */
    @Size(max = 150) public String idempotencyKey;
}
