package org.rapport.privacy;

import org.apache.ibatis.annotations.Param;
import org.mybatis.cdi.Mapper;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The erasure's statements (privacy.ErasureService). They write into the tables of other features on purpose: an
 * erasure reaches everything that holds the person's data, and only ever blanks or anonymises (docs/architecture.md).
 */
@Mapper
public interface ErasureMapper {

    /** The customer to erase, their row locked until the erasure commits. */
    final class Target {
        public long id;
        public String externalId;
        public String company;
        public String contactFirstName;
        public String contactLastName;
        public String preferredName;
        public String email;
        public String phone;
        public Instant erasedAt;
    }

    /** A stored erasure. */
    final class Done {
        public long customerId;
        public String marker;
        public Instant erasedAt;
        public String erasedBy;
    }

    Optional<Target> lock(@Param("externalId") String externalId);

    /** The latest erasure of a customer who had this external id (its SHA-256). */
    Optional<Done> findDone(@Param("hash") byte[] externalIdHash);

    Optional<Done> findDoneOf(@Param("id") long customerId);

    /** The other customers whose records may name this one: their introductions' other sides and referrals. */
    List<Long> partners(@Param("id") long id);

    int eraseCustomer(@Param("id") long id, @Param("marker") String marker, @Param("mark") String mark,
                      @Param("at") Instant at);

    int eraseTouches(@Param("id") long id);

    int erasePlannedTouches(@Param("id") long id, @Param("mark") String mark);

    int cancelPlannedTouches(@Param("id") long id, @Param("from") Collection<String> from, @Param("to") String to,
                             @Param("at") Instant at);

    int eraseMessages(@Param("id") long id, @Param("at") Instant at);

    int eraseResponses(@Param("id") long id);

    int eraseIntroductions(@Param("id") long id, @Param("mark") String mark, @Param("actor") String actor,
                           @Param("markerActor") String markerActor);

    int eraseRewards(@Param("id") long id, @Param("mark") String mark);

    int eraseRewardEntries(@Param("id") long id, @Param("mark") String mark);

    /** The referrals never linked to a customer whose prospect had this email address (trimmed, in any case). */
    List<Long> unlinkedReferralsOf(@Param("email") String email);

    int eraseUnlinkedReferrals(@Param("ids") Collection<Long> ids, @Param("mark") String mark);

    int closeLeads(@Param("keys") Collection<String> planKeys, @Param("mark") String mark, @Param("from") Collection<String> from,
                   @Param("to") String to, @Param("at") Instant at);

    int eraseReferrals(@Param("id") long id, @Param("mark") String mark, @Param("actor") String actor,
                       @Param("markerActor") String markerActor);

    int erasePurchases(@Param("id") long id);

    int eraseProblems(@Param("id") long id, @Param("mark") String mark);

    int erasePollAnswers(@Param("id") long id);

    /** Replaces {@code text} with {@code mark} in the free text of the partners' records and in internal mail. */
    int scrubPartnerMessages(@Param("partners") Collection<Long> partners, @Param("text") String text, @Param("mark") String mark);

    int scrubInternalMessages(@Param("text") String text, @Param("mark") String mark);

    int scrubPartnerRewards(@Param("partners") Collection<Long> partners, @Param("text") String text, @Param("mark") String mark);

    int scrubPartnerRewardEntries(@Param("partners") Collection<Long> partners, @Param("text") String text,
                                  @Param("mark") String mark);

    int scrubPartnerTouches(@Param("partners") Collection<Long> partners, @Param("text") String text, @Param("mark") String mark);

    int scrubPartnerPlannedTouches(@Param("partners") Collection<Long> partners, @Param("text") String text,
                                   @Param("mark") String mark);

    int scrubPartnerResponses(@Param("partners") Collection<Long> partners, @Param("text") String text, @Param("mark") String mark);

    int insertDone(@Param("id") long id, @Param("hash") byte[] externalIdHash, @Param("reason") String reason,
                   @Param("by") String by, @Param("at") Instant at);

    /** The Message-IDs of these customers' messages, whose {@code .eml} files go once the erasure committed. */
    List<String> messageIds(@Param("customers") Collection<Long> customers);
}
