package org.rapport.netweaving;

import org.apache.ibatis.annotations.Param;
import org.mybatis.cdi.Mapper;
import org.rapport.platform.security.Access;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Rewards and their append-only ledger: entries are only ever inserted (RewardLedgerTest keeps it so). */
@Mapper
public interface RewardMapper {

    /** Proposes the reward unless its (kind, origin, customer, subject) has one; 0 when it has, or there is no such customer. */
    int propose(@Param("kind") RewardKind kind, @Param("origin") RewardOrigin origin, @Param("customerId") long customerId, @Param("subject") String subject,
                @Param("value") BigDecimal value, @Param("currency") String currency, @Param("reason") RewardReason reason,
                @Param("proposedBy") String proposedBy, @Param("now") Instant now);

    Optional<Long> idBySubject(@Param("kind") RewardKind kind, @Param("origin") RewardOrigin origin, @Param("customerId") long customerId,
                               @Param("subject") String subject);

    /**
     * Proposes an anniversary reward for every customer whose latest fifth anniversary (5, 10, … years) fell on a day
     * after {@code after} and up to {@code today}, unless that anniversary has one.
     */
    int proposeAnniversaries(@Param("after") LocalDate after, @Param("today") LocalDate today,
                             @Param("value") BigDecimal value, @Param("currency") String currency, @Param("now") Instant now);

    /** The first entry (PROPOSED, by a rule) of each reward that has none yet. */
    int recordRuleProposals();

    int appendEntry(@Param("rewardId") long rewardId, @Param("status") RewardStatus status, @Param("actor") String actor,
                    @Param("at") Instant at, @Param("reason") String reason, @Param("given") Given given,
                    @Param("description") String description, @Param("outboxId") Long outboxId);

    /** Appends a correction at the reward's {@code status}: a change of value (or null), why, and a note on what was given. */
    int appendCorrection(@Param("rewardId") long rewardId, @Param("status") RewardStatus status,
                         @Param("change") BigDecimal change, @Param("actor") String actor, @Param("at") Instant at,
                         @Param("reason") String reason, @Param("note") String note);

    /** Moves the reward's current status, only from {@code from}: 0 when it is no longer that. */
    int move(@Param("id") long id, @Param("from") RewardStatus from, @Param("to") RewardStatus to);

    Optional<Decision> decision(@Param("id") long id);

    /** Locks the reward alone (a rejection, a fulfilment). */
    Optional<Long> lock(@Param("id") long id);

    /** Locks every reward of the team, in index order: approvals against one team's budget take turns. */
    List<Long> lockTeam(@Param("teamId") long teamId);

    /** The sum of the team's rewards approved from {@code from} (inclusive) to {@code to} (exclusive), in one currency. */
    BigDecimal approvedSum(@Param("teamId") long teamId, @Param("from") Instant from, @Param("to") Instant to,
                           @Param("currency") String currency);

    /** How a team is named in a refusal: its manager's external id and name. */
    Optional<String> teamName(@Param("teamId") long teamId);

    /** Newest first within the caller's reach; {@code status} and {@code customerId} narrow it when given. */
    List<RewardView> search(@Param("status") RewardStatus status, @Param("customerId") Long customerId, @Param("access") Access access,
                            @Param("limit") int limit);

    /** The PROPOSED rewards counting against team {@code teamId}'s budget (null: every team's), proposed first at the top. */
    List<RewardView> awaiting(@Param("teamId") Long teamId, @Param("limit") int limit);

    Optional<RewardView> find(@Param("id") long id, @Param("access") Access access);

    List<RewardView.Entry> entries(@Param("rewardIds") Collection<Long> rewardIds);

    /**
     * A reward with what deciding on it needs: the customer's current owner and their manager (access), its team, its
     * value now and when it was approved.
     */
    class Decision {
        long id;
        long customerId;
        Long ownerId;
        Long ownerManagerId;
        Long teamId;
        String teamExternalId;
        String proposedBy;
        BigDecimal value;
        String currency;
        String reason;
        RewardKind reasonCode;
        String reasonDetail;
        /** As proposed, with the changes of its corrections (RewardMapper.xml's currentValue). */
        BigDecimal currentValue;
        Instant approvedAt;
        RewardStatus status;
        String timeZone;
        String region;
    }
}
