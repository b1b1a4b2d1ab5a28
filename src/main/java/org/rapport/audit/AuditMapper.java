package org.rapport.audit;

import org.apache.ibatis.annotations.Param;
import org.mybatis.cdi.Mapper;

import java.time.Instant;
import java.util.List;

/** {@code audit_event}: inserted into and read, never updated or deleted (AuditLogTest keeps it so). */
@Mapper
public interface AuditMapper {

    int insert(@Param("at") Instant at, @Param("actorId") Long actorId, @Param("actorName") String actorName,
               @Param("kind") String kind, @Param("subjectType") String subjectType, @Param("subjectId") String subjectId,
               @Param("before") String before, @Param("after") String after, @Param("requestId") String requestId);

    /** Newest first: at most {@code rows} events that {@code f} selects. */
    List<AuditEvent> search(@Param("f") AuditFilter filter, @Param("rows") int rows);
}
