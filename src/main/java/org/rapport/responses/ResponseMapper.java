package org.rapport.responses;

import org.apache.ibatis.annotations.Param;
import org.mybatis.cdi.Mapper;

import java.util.Optional;

@Mapper
public interface ResponseMapper {

    /** The customer as the unsubscribe page shows them. */
    Optional<CustomerContact> contact(@Param("customerId") long customerId);

    /** The outbox message a Message-ID (from In-Reply-To, References or a bounce) names. */
    Optional<SentMessage> messageByMessageId(@Param("messageId") String messageId);

    Optional<SentMessage> messageById(@Param("id") long id);
}
