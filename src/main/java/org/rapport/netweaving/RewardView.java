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
    /** The value as proposed (the rule's); corrections never change it. */
    public BigDecimal value;
    /** The value with every correction's change: what the reward is worth now, and counts against the budget. */
    public BigDecimal currentValue;
    public String currency;
    public String reason;
    public RewardStatus status;
    /** The login that proposed it; {@code null} when a rule did. */
    public String proposedBy;
    public Instant proposedAt;
    public List<Entry> entries;

    /** What a ledger entry records. */
    public enum EntryKind { STATUS, CORRECTION }

    /** One line of the ledger. */
    public static class Entry {
        public long id;
        /** Filled when read, to group the entries; not shown. */
        @jakarta.json.bind.annotation.JsonbTransient
        public long rewardId;
        /** {@code STATUS}: the reward took {@code status}; {@code CORRECTION}: a correction, at that status. */
        public EntryKind kind;
        public RewardStatus status;
        /** A correction's signed change of the value, in the reward's currency; {@code null} otherwise. */
        public BigDecimal amount;
        /** The login; {@code null} for a rule. */
        public String actor;
        public Instant at;
        public String reason;
        public Given given;
        public String description;
        public Long outboxId;
    }
}
