package org.rapport.netweaving;

import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.session.ResultHandler;
import org.mybatis.cdi.Mapper;
import org.rapport.customers.ConsentColumns;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** What a matching run reads: every customer as the matcher needs it, in a few set-based statements, streamed. */
@Mapper
public interface MatchingMapper {

    /**
     * The one lock row, locked until the caller's transaction ends; empty when another run holds it. Asked again in the
     * same transaction it answers at once, or throws when the transaction's connection is gone.
     */
    Optional<Integer> lockRun();

    /**
     * Every customer that offers or needs something, streamed in id order (a customer with neither is never in a pair).
     *
     * @param touchedSince a two-way touch at or after this is recent
     */
    void customers(@Param("touchedSince") Instant touchedSince, ResultHandler<CustomerRow> handler);

    /** The customers who gave a check-in rating at or below {@code lowRating} at or after {@code since}. */
    void lowRated(@Param("since") Instant since, @Param("lowRating") int lowRating, ResultHandler<Long> handler);

    /**
     * Per customer with any: introductions still open, and those proposed since {@code since} that were not declined
     * by our side or withdrawn (those never reached the customer); in customer id order.
     */
    List<IntroductionCount> introductionCounts(@Param("open") Collection<IntroductionStage> open,
                                               @Param("notCounted") Collection<IntroductionStage> notCounted,
                                               @Param("since") Instant since);

    /**
     * The company names of the customers from {@code fromId} to {@code toId}, streamed in id order (the caller keeps
     * those it asked for).
     */
    void companies(@Param("fromId") long fromId, @Param("toId") long toId, ResultHandler<CompanyRow> handler);

    /** Introductions still open, and those that ended a pairing at or after {@code since}. */
    List<PastIntroduction> history(@Param("open") Collection<IntroductionStage> open,
                                   @Param("ended") Collection<IntroductionStage> ended, @Param("since") Instant since);

    /** One customer row; the consent columns are mapped flat by {@link ConsentColumns}. */
    class CustomerRow extends ConsentColumns {
        long id;
        String offers;
        String needs;
        String region;
        BigDecimal annualRevenue;
        boolean recentTwoWayTouch;
        boolean problemPending;
    }

    class CompanyRow {
        long id;
        String company;
    }

    class IntroductionCount {
        long customerId;
        int openCount;
        int lastYearCount;
    }
}
