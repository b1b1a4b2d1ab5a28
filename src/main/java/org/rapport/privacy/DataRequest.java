package org.rapport.privacy;

import java.time.Instant;

/** One request in the admin's queue, as the API shows it. */
public class DataRequest {
    public long id;
    public String customer;
    public String company;
    public DataRequestKind kind;
    public DataRequestStatus status;
    public Instant requestedAt;
    public String handledBy;
    public Instant handledAt;
}
