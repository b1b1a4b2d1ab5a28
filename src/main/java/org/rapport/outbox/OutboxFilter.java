package org.rapport.outbox;

import org.rapport.platform.errors.InvalidInput;
import org.rapport.platform.web.Params;

/** A search of the outbox; {@code afterId} pages backwards from the newest. Whose mail it finds is the caller's access. */
public record OutboxFilter(OutboxStatus status, Long customerId, String template, String q, Long afterId, int limit) {

    /**
     * A search as a request asks for it (the API's query, the page's form): each parameter checked, a wrong one an
     * {@link InvalidInput} naming it. The customer is already found within the caller's reach.
     */
    public static OutboxFilter of(String status, Long customerId, String template, String q, String before, int limit) {
        String name = Params.text("template", template, 64);
        if (name != null && MailTemplate.byName(name).isEmpty()) {
            throw new InvalidInput("template: '" + template + "' is none of " + MailTemplate.names() + ".");
        }
        return new OutboxFilter(Params.oneOf("status", status, OutboxStatus.class), customerId, name, Params.text("q", q, 200),
                Params.id("before", before).orElse(null), limit);
    }
}
