package org.rapport.outbox;

import java.time.Instant;

public class ResponseView {
    public long id;
    public Long messageId;
    public Response.Kind kind;
    public Instant occurredAt;
    public String detail;
}
