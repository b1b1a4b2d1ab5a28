package org.rapport.responses;

import java.time.Instant;

public class CustomerContact {
    long id;
    String preferredName;
    String contactFirstName;
    String company;
    String locale;
    Instant unsubscribedAt;
    String stoppedPurposes;
}
