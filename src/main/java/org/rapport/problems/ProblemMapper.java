package org.rapport.problems;

import org.mybatis.cdi.Mapper;
import org.apache.ibatis.annotations.Param;
import org.rapport.imports.ForCustomer;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@Mapper
public interface ProblemMapper {

    record Stored(long id, String externalId, byte[] importHash, long customerId, String customer, Instant resolvedAt) {
    }

    List<Stored> findStored(@Param("externalIds") Collection<String> externalIds);

    /** One row; run in a {@link org.rapport.platform.database.Batches batch}. */
    int upsert(@Param("w") ForCustomer<Problem> row);

    int resolve(@Param("id") long id, @Param("resolvedAt") Instant resolvedAt, @Param("resolution") String resolution);

    Optional<Problem> findByExternalId(@Param("externalId") String externalId);

    long countInCategory(@Param("code") String code);

    int moveCategory(@Param("from") String from, @Param("into") String into, @Param("now") Instant now);
}
