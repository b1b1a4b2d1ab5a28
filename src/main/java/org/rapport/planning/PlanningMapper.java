package org.rapport.planning;

import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.mybatis.cdi.Mapper;
import org.rapport.customers.ConsentColumns;
import org.rapport.outbox.CustomerSet;
import org.rapport.platform.security.Access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@Mapper
public interface PlanningMapper {

    /**
     * The next page of customers (all, or those in {@code ids}) after {@code afterId}, in id order. Read through
     * {@link CustomerPages} (plain JDBC over this statement's SQL), not through this method.
     */
    List<FactRow> customers(@Param("afterId") long afterId, @Param("limit") int limit, @Param("ids") Collection<Long> ids);

    /** The customers of the page with a problem follow-up call OPEN or ESCALATED (CustomerMapper's pendingFollowUp). */
    List<Long> followUpsPending(@Param("page") CustomerSet page);

    List<ProblemRow> recentProblems(@Param("since") Instant since, @Param("page") CustomerSet page);

    List<PurchaseRow> recentPurchases(@Param("since") LocalDate since, @Param("page") CustomerSet page);

    /** Outreach emails planned in the last week, and the last thank-you note since {@code since}, per customer. */
    List<EmailRow> recentEmails(@Param("since") Instant since, @Param("page") CustomerSet page,
                                @Param("cancelled") PlannedTouchStatus cancelled,
                                @Param("thankYous") Collection<Proposal.Rule> thankYous);

    /** When a courtesy call of each customer of the page was last handed back (CANCELLED with {@code outcome}). */
    List<HandBackRow> courtesyHandedBack(@Param("page") CustomerSet page, @Param("cancelled") PlannedTouchStatus cancelled,
                                         @Param("outcome") String outcome);

    /** @param outboxId an email touch's message, when it is stored QUEUED; otherwise {@code null} */
    int insert(@Param("p") Proposal proposal, @Param("salespersonId") Long salespersonId,
               @Param("status") PlannedTouchStatus status, @Param("outboxId") Long outboxId, @Param("now") Instant now);

    Optional<Long> idByKey(@Param("key") String key);

    /**
     * The keys planned for the page's customers that are still open or younger than {@code since}: what a plan can
     * propose again. (Missing one costs a no-op insert, never a duplicate: the key is unique.)
     */
    List<String> existingKeys(@Param("page") CustomerSet page, @Param("since") Instant since,
                              @Param("live") Collection<PlannedTouchStatus> live);

    /** The salespeople's time zones as stored. */
    List<ZoneRow> salespersonZones(@Param("ids") Collection<Long> salespersonIds);

    /**
     * Each salesperson's room on the list of {@code today}: daily capacity (or the default) less the open calls and visits
     * due by then that they hold: their customers' calls nobody else holds, and the calls given to them.
     */
    List<RoomRow> callRoom(@Param("ids") Collection<Long> salespersonIds, @Param("today") LocalDate today,
                           @Param("defaultCapacity") int defaultCapacity, @Param("open") PlannedTouchStatus open);

    /** The customer's calls and visits of {@code rules} in a status of {@code from}, which a conversation has made unnecessary. */
    int closeAnswered(@Param("customerId") long customerId, @Param("from") Collection<PlannedTouchStatus> from,
                      @Param("to") PlannedTouchStatus to, @Param("rules") Collection<Proposal.Rule> rules,
                      @Param("now") Instant now);

    /** The customer's calls and visits of {@code rules} in a status of {@code from}, withdrawn with the reason (a problem opened). */
    int withdraw(@Param("customerId") long customerId, @Param("from") Collection<PlannedTouchStatus> from,
                 @Param("to") PlannedTouchStatus to, @Param("rules") Collection<Proposal.Rule> rules,
                 @Param("outcome") String outcome, @Param("note") String note, @Param("now") Instant now);

    /** The touch's status, locked until the transaction ends. */
    Optional<PlannedTouchStatus> lockStatus(@Param("id") long id);

    int move(@Param("m") Move move, @Param("now") Instant now);

    /** The {@code live} touches of these customers that nobody was given are held by the customer's owner again. */
    int reconcileHolders(@Param("page") CustomerSet customers, @Param("live") Collection<PlannedTouchStatus> live);

    /**
     * One touch from {@code from} to {@code to}, with what came of it.
     *
     * @param tries     added to the touch's tries
     * @param notBefore when it comes back ({@code null}: unchanged)
     * @param closes    whether {@code to} is final (the touch gets its closed_at)
     * @param decision  a manager's decision on an escalated call: the tries start again from 0
     * @param assignee  with a decision, who holds the call from now on ({@code null}: unchanged)
     */
    record Move(long id, PlannedTouchStatus from, PlannedTouchStatus to, String outcome, String note, int tries,
                LocalDate notBefore, boolean closes, boolean decision, Long assignee) {
    }

    Optional<RunClaim> runClaim(@Param("slot") Instant slot);

    /** Claims a planning time no one has claimed; 0 when another instance was quicker. */
    int claimRun(@Param("slot") Instant slot, @Param("now") Instant now, @Param("instance") String instance,
                 @Param("until") Instant until);

    /** The next try of a planning time whose row is still {@code seen}; 0 when another instance was quicker. */
    int takeOverRun(@Param("slot") Instant slot, @Param("seen") RunClaim seen, @Param("now") Instant now,
                    @Param("instance") String instance, @Param("until") Instant until);

    /** 0 when the try no longer holds its time. */
    int renewRun(@Param("slot") Instant slot, @Param("tries") int tries, @Param("instance") String instance,
                 @Param("until") Instant until);

    int finishRun(@Param("slot") Instant slot, @Param("tries") int tries, @Param("instance") String instance,
                  @Param("now") Instant now, @Param("customers") int customers, @Param("proposals") int proposals,
                  @Param("created") int created, @Param("emails") int emails);

    int giveBackRun(@Param("slot") Instant slot, @Param("tries") int tries, @Param("instance") String instance,
                    @Param("now") Instant now, @Param("retryAt") Instant retryAt);

    List<PlanningRunView> runs(@Param("limit") int limit);

    /** The newest planning time whose plan finished (for /metrics). */
    @Select("SELECT slot, started_at, finished_at, customers, proposals, created, emails_queued, instance"
            + " FROM planning_run WHERE finished_at IS NOT NULL ORDER BY slot DESC LIMIT 1")
    Optional<PlanningRunView> lastFinished();

    /**
     * Who holds the customer's call ({@code holderId}, or the customer's owner when {@code null}) and who manages them,
     * for a manager alert.
     */
    Optional<AlertFacts> alertFacts(@Param("customerId") long customerId, @Param("holderId") Long holderId);

    /** Whether salesperson {@code id} is away on {@code date} (salesperson_absence). */
    boolean absent(@Param("id") long id, @Param("date") LocalDate date);

    /** The problem behind planned touch {@code id} when that touch follows {@code rule} (the follow-up call). */
    Optional<ProblemRow> problemOfTouch(@Param("id") long id, @Param("rule") Proposal.Rule rule);

    List<PlannedTouchView> search(@Param("customerId") Long customerId, @Param("status") String status,
                                  @Param("access") Access access, @Param("limit") int limit);

    /** The customer's consent columns are mapped flat, in {@link ConsentColumns}: a page of 5,000 rows, a million a plan. */
    class FactRow extends ConsentColumns {
        long customerId;
        String tier;
        String timeZone;
        String region;
        Long ownerId;
        /** The owner's working days as stored ({@code MON-FRI}); {@code null} without an owner. */
        String ownerWorkingDays;
        /** The owner's region, for their public holidays. */
        String ownerRegion;
        Instant lastTwoWayTouchAt;
        Long customerSinceDay;

        /** The consent columns of a plain JDBC row ({@link CustomerPages}), from column {@code consentFirst} on. */
        void read(ResultSet rs, int consentFirst) throws SQLException {
            readConsent(rs, consentFirst);
        }
    }

    class ProblemRow {
        long id;
        long customerId;
        Instant openedAt;
        Instant resolvedAt;
        String summary;
        String resolution;
        Integer rating;
        boolean followUpPlanned;
        int reopened;
    }

    class PurchaseRow {
        long id;
        long customerId;
        LocalDate purchasedOn;
        java.math.BigDecimal amount;
        String currency;
        String description;
    }

    class AlertFacts {
        long holderId;
        Long managerId;
        String managerExternalId;
        String managerName;
        Long backupId;
        String backupExternalId;
        String backupTimeZone;
        String backupRegion;
        String backupWorkingDays;
        String managerTimeZone;
        String managerRegion;
        String managerWorkingDays;
        String ownerExternalId;
        String ownerTimeZone;
        String salesperson;
        String company;
        String contactName;
        String phone;
    }

    class RoomRow {
        long salespersonId;
        int room;
    }

    class ZoneRow {
        long salespersonId;
        String timeZone;
    }

    class EmailRow {
        long customerId;
        Instant lastThankYouAt;
    }

    class HandBackRow {
        long customerId;
        Instant handedBackAt;
    }
}
