package org.rapport.privacy;

import org.apache.ibatis.annotations.Param;
import org.mybatis.cdi.Mapper;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@Mapper
public interface DataRequestMapper {

    /** A new OPEN request; a second one of the same kind while one is open breaks uk_data_request_open. */
    int insert(@Param("customerId") long customerId, @Param("kind") DataRequestKind kind, @Param("at") Instant at);

    /** Newest first; {@code status} null for all. */
    List<DataRequest> list(@Param("status") DataRequestStatus status, @Param("limit") int limit);

    /** The request's status, its row locked until the transaction ends. */
    Optional<DataRequestStatus> lockStatus(@Param("id") long id);

    int move(@Param("id") long id, @Param("status") DataRequestStatus status, @Param("by") String by, @Param("at") Instant at);

    Optional<DataRequest> find(@Param("id") long id);
}
