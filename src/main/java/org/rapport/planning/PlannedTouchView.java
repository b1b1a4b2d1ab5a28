package org.rapport.planning;

import java.time.Instant;
import java.time.LocalDate;

/** A planned touch as the API shows it. */
public class PlannedTouchView {
    public long id;
    public String rule;
    public String channel;
    public String customer;
    public String salesperson;
    public LocalDate dueOn;
    public LocalDate dueBy;
    public int priority;
    public String reason;
    public String status;
    public Long outboxId;
    public int tries;
    public String outcome;
    public String note;
    public Instant createdAt;
    public Instant closedAt;
}
