package org.rapport.customers;

import org.mybatis.cdi.Mapper;
import org.apache.ibatis.annotations.Param;
import org.rapport.platform.security.Access;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@Mapper
public interface CustomerMapper {

    /** A stored customer as the import sees it; {@code erased}: the row of an erased customer, which nothing fills again. */
    record Stored(long id, String externalId, byte[] importHash, Long ownerId, boolean erased) {
    }

    /** A row to write: the imported values, the owner resolved to its id, and the digest of the values. */
    record Write(CustomerRow row, Long ownerId, byte[] hash, String offers, String needs) {
    }

    /** A customer carrying a category code, with its offers and needs as stored. */
    record CategoryHolder(long id, String offers, String needs) {
    }

    long countUsingCategory(@Param("code") String code);

    /** The customers carrying {@code code} in offers or needs, locked for update. */
    List<CategoryHolder> lockUsingCategory(@Param("code") String code);

    /** One row; run in a {@link org.rapport.platform.database.Batches batch}. */
    int updateCategories(@Param("id") long id, @Param("offers") String offers, @Param("needs") String needs,
                         @Param("now") Instant now);

    List<Stored> findStored(@Param("externalIds") Collection<String> externalIds);

    /** One row; run in a {@link org.rapport.platform.database.Batches batch}. */
    int upsert(@Param("w") Write row);

    Optional<Stored> findVisible(@Param("access") Access access, @Param("externalId") String externalId);

    long count();

    Optional<Long> findOwnerId(@Param("id") long id);

    boolean erased(@Param("id") long id);

    boolean reaches(@Param("access") Access access, @Param("id") long id);

    boolean exists(@Param("externalId") String externalId);

    List<CustomerSummary> search(@Param("access") Access access, @Param("owner") String owner, @Param("tier") Tier tier,
                                 @Param("q") String q, @Param("limit") int limit, @Param("offset") int offset);

    Optional<CustomerDetail.Fields> findDetail(@Param("access") Access access, @Param("externalId") String externalId);

    List<CustomerDetail.RecentTouch> findRecentTouches(@Param("id") long id, @Param("limit") int limit);

    List<CustomerDetail.OpenProblem> findOpenProblems(@Param("id") long id);

    /** The customers ranked 1 to 100 by revenue in the period, with a revenue above 0, in rank order. */
    List<Long> topRanked(@Param("after") LocalDate after, @Param("through") LocalDate through);

    /** Stores the revenue of the period and the tier of the customers with ids in [from, to). */
    int applyTiers(@Param("from") long from, @Param("to") long to, @Param("after") LocalDate after,
                   @Param("through") LocalDate through, @Param("top10") List<Long> top10, @Param("top100") List<Long> top100);

    long maxCustomerId();

    List<Long> idsInTierBetween(@Param("tier") Tier tier, @Param("from") long from, @Param("to") long to);

    /** The customers of one tier (for TOP10 a handful: ten by rank, plus any pinned there). */
    List<Long> idsInTier(@Param("tier") Tier tier);

    int recordTwoWayTouch(@Param("id") long id, @Param("at") Instant at);

    Optional<Consent> findConsent(@Param("id") long id);

    /** The {@code problemPending} predicate for one customer; empty when there is no such customer. */
    Optional<Boolean> problemPending(@Param("id") long id);

    int unsubscribe(@Param("id") long id, @Param("via") String via, @Param("now") Instant now);

    /** {@code stopped} as a SET column value; {@code unsubscribe}: the customer kept nothing. */
    int keepPurposes(@Param("id") long id, @Param("stopped") String stopped, @Param("unsubscribe") boolean unsubscribe,
                     @Param("now") Instant now);

    int markBouncing(@Param("id") long id, @Param("now") Instant now);

    /** Locks these customer rows exclusively, in id order, until the transaction ends; the ids found. */
    List<Long> lockExclusively(@Param("ids") Collection<Long> ids);
}
