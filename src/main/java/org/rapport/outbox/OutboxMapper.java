package org.rapport.outbox;

import org.apache.ibatis.annotations.Param;
import org.mybatis.cdi.Mapper;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@Mapper
public interface OutboxMapper {

    int insert(@Param("m") Mail mail, @Param("purpose") MailPurpose purpose, @Param("fields") String fields,
               @Param("messageId") String messageId, @Param("now") Instant now);

    Optional<Long> idByKey(@Param("key") String key);

    List<Long> expired(@Param("now") Instant now, @Param("limit") int limit);

    int release(@Param("ids") Collection<Long> ids);

    List<Long> due(@Param("now") Instant now, @Param("limit") int limit);

    int markSending(@Param("ids") Collection<Long> ids, @Param("instance") String instance, @Param("until") Instant until,
                    @Param("now") Instant now);

    List<Long> lockOwned(@Param("ids") Collection<Long> ids, @Param("instance") String instance);

    List<ClaimedMessage> load(@Param("ids") Collection<Long> ids);

    int record(@Param("o") Outcome outcome);

    int suppressPending(@Param("customerId") long customerId, @Param("purposes") Collection<MailPurpose> purposes,
                        @Param("reason") String reason, @Param("now") Instant now);

    int resend(@Param("id") long id, @Param("now") Instant now);

    List<OutboxView> search(@Param("f") OutboxFilter filter);

    Optional<OutboxView> find(@Param("id") long id);

    int insertResponse(@Param("r") Response response);

    List<ResponseView> responsesOf(@Param("messageIds") Collection<Long> messageIds);

    int insertLinkKey(@Param("id") int id, @Param("secret") byte[] secret, @Param("now") Instant now);

    /** Base64, because MyBatis reads a byte[] result as many rows. */
    String linkKey(@Param("id") int id);

    long countByStatus(@Param("status") OutboxStatus status);
}
