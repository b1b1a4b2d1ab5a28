package org.rapport.privacy;

import java.io.Serializable;
import java.time.Instant;

/** One request in the admin's queue, as the API and the page show it. */
public class DataRequest implements Serializable {
    private static final long serialVersionUID = 1L;

    public long id;
    public String customer;
    public String company;
    public DataRequestKind kind;
    public DataRequestStatus status;
    public Instant requestedAt;
    public String handledBy;
    public Instant handledAt;
}
