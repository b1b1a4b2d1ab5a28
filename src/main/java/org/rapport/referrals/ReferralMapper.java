package org.rapport.referrals;

import org.apache.ibatis.annotations.Param;
import org.mybatis.cdi.Mapper;
import org.rapport.platform.security.Access;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@Mapper
public interface ReferralMapper {

    /** A new referral; {@code id} is set by the insert. */
    final class NewReferral {
        public Long id;
        public final long referrerId;
        public final String name;
        public final String company;
        public final String email;
        public final String phone;
        public final String note;
        public final String source;
        public final String createdBy;
        public final Instant createdAt;

        NewReferral(long referrerId, String name, String company, String email, String phone, String note, String source,
                    String createdBy, Instant createdAt) {
            this.referrerId = referrerId;
            this.name = name;
            this.company = company;
            this.email = email;
            this.phone = phone;
            this.note = note;
            this.source = source;
            this.createdBy = createdBy;
            this.createdAt = createdAt;
        }
    }

    int insert(NewReferral referral);

    Optional<Referral> findVisible(@Param("access") Access access, @Param("id") long id);

    /** Newest first, of the referrers the caller reaches; {@code referrer} an external id or null for all. */
    List<Referral> listVisible(@Param("access") Access access, @Param("referrer") String referrer, @Param("limit") int limit);

    /** The newest referral by {@code referrerId} of a prospect with this email address, not yet converted. */
    Optional<Long> openByEmail(@Param("referrerId") long referrerId, @Param("email") String email);

    /** Whether customer {@code customerId} is already the converted prospect of a referral. */
    boolean converted(@Param("customerId") long customerId);

    int convert(@Param("id") long id, @Param("customerId") long customerId, @Param("at") Instant at);

    /** Holds the referring customer's row until the transaction ends. */
    Long lockReferrer(@Param("id") long id);

    int countFromForm(@Param("referrerId") long referrerId, @Param("since") Instant since);

    /** The prospect's name as recorded on referral {@code id}. */
    String nameOf(@Param("id") long id);

    String externalIdOf(@Param("id") long id);

    /** The company of customer {@code id}, for the lead's wording. */
    String companyOf(@Param("id") long id);
}
