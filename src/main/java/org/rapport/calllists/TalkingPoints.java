package org.rapport.calllists;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** What a salesperson should know before the call: recent touches, problems and purchases of the customer. */
public final class TalkingPoints {

    private TalkingPoints() {
    }

    /** The talking points of many customers, by customer id, each list newest first. */
    record Index(java.util.Map<Long, java.util.List<Touch>> lastTouches, java.util.Map<Long, java.util.List<Problem>> problems,
                 java.util.Map<Long, java.util.List<Purchase>> purchases) {
    }

    public static class Touch {
        public transient long customerId;
        public String kind;
        public String outcome;
        public Instant occurredAt;
        public String note;
    }

    public static class Problem {
        public transient long customerId;
        public String externalId;
        public String summary;
        public Instant openedAt;
        public Instant resolvedAt;
    }

    public static class Purchase {
        public transient long customerId;
        public LocalDate purchasedOn;
        public BigDecimal amount;
        public String currency;
        public String description;
    }
}
