package org.rapport.netweaving;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** One reward as the API shows it, with its ledger in the order it was written. */
public class RewardView {
    public long id;
    public String customer;
    public String company;
    public RewardKind kind;
    public String subject;
    public BigDecimal value;
    public String currency;
    public String reason;
    public RewardStatus status;
    /** The login that proposed it; {@code null} when a rule did. */
    public String proposedBy;
    public Instant proposedAt;
    public List<Entry> entries;

    /** One line of the ledger. */
    public static class Entry {
        public long id;
        /** Filled when read, to group the entries; not shown. */
        @jakarta.json.bind.annotation.JsonbTransient
        public long rewardId;
        public RewardStatus status;
        /** The login; {@code null} for a rule. */
        public String actor;
        public Instant at;
        public String reason;
        public Given given;
        public String description;
        public Long outboxId;
    }
}
