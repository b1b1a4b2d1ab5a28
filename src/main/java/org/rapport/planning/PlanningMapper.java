package org.rapport.planning;

import org.apache.ibatis.annotations.Param;
import org.mybatis.cdi.Mapper;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@Mapper
public interface PlanningMapper {

    /** The next page of customers (all, or those in {@code ids}) after {@code afterId}, in id order. */
    List<FactRow> customers(@Param("afterId") long afterId, @Param("limit") int limit, @Param("ids") Collection<Long> ids);

    List<ProblemRow> recentProblems(@Param("since") Instant since, @Param("ids") Collection<Long> ids);

    List<PurchaseRow> recentPurchases(@Param("since") LocalDate since, @Param("ids") Collection<Long> ids);

    /** Outreach emails planned in the last week, and the last thank-you note since {@code since}, per customer. */
    List<EmailRow> recentEmails(@Param("since") Instant since, @Param("weekAgo") Instant weekAgo,
                                @Param("ids") Collection<Long> ids);

    int insert(@Param("p") Proposal proposal, @Param("salespersonId") Long salespersonId, @Param("now") Instant now);

    Optional<Long> idByKey(@Param("key") String key);

    int queued(@Param("id") long id, @Param("outboxId") long outboxId, @Param("now") Instant now);

    /** Open call touches of a customer that a conversation has made unnecessary. */
    int closeAnswered(@Param("customerId") long customerId, @Param("now") Instant now);

    List<PlannedTouchView> search(@Param("customerId") Long customerId, @Param("status") String status,
                                  @Param("ownerId") Long ownerId, @Param("teamOf") Long teamOf, @Param("limit") int limit);

    class FactRow {
        long customerId;
        String tier;
        String timeZone;
        String region;
        Long ownerId;
        boolean doNotContact;
        boolean emailAllowed;
        String stoppedPurposes;
        Instant lastTwoWayTouchAt;
        LocalDate customerSince;
    }

    class ProblemRow {
        long id;
        long customerId;
        Instant openedAt;
        Instant resolvedAt;
        String summary;
        String resolution;
    }

    class PurchaseRow {
        long id;
        long customerId;
        LocalDate purchasedOn;
        java.math.BigDecimal amount;
        String currency;
        String description;
    }

    class EmailRow {
        long customerId;
        int emails;
        Instant lastThankYouAt;
    }
}
