package org.rapport.planning;

import java.time.Instant;

/** A served planning time, for operators: when it ran, on which instance, and what it did. */
public class PlanningRunView {
    public Instant slot;
    public Instant startedAt;
    public Instant finishedAt;
    public Integer customers;
    public Integer proposals;
    public Integer created;
    public Integer emailsQueued;
    public String instance;
}
