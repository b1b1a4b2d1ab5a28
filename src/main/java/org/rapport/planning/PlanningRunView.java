package org.rapport.planning;

import java.time.Instant;

/**
 * A planning time, for operators: when its plan ran, on which instance, and what it did; when it took more than one
 * try, how many and whose try came before.
 */
public class PlanningRunView {
    public Instant slot;
    /** when the latest try started */
    public Instant startedAt;
    public Instant finishedAt;
    public Integer customers;
    public Integer proposals;
    public Integer created;
    public Integer emailsQueued;
    /** the instance of the latest try */
    public String instance;
    /** claims of this time: more than one after a plan failed, or its instance died or lost the database */
    public Integer tries;
    /** unfinished: until when the latest try holds the time (after a failure, when it is tried again) */
    public Instant claimedUntil;
    /** when the latest try failed and gave the time back */
    public Instant givenBackAt;
    /** the instance of the try before the latest */
    public String takenOverFrom;
}
