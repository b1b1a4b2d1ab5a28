package org.rapport.suppression;

import org.apache.ibatis.annotations.Param;
import org.mybatis.cdi.Mapper;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** The table {@code suppressed_address}; hashes travel as hex. */
@Mapper
public interface SuppressionMapper {

    /** Adds a hash; one already listed keeps its first source and time. */
    int insert(@Param("hash") String hash, @Param("source") SuppressionList.Source source, @Param("now") Instant now);

    /** Whether the list holds any address at all. */
    boolean anyListed();

    /** Those of {@code hashes} on the list (hex, upper case as MariaDB writes it). */
    List<String> listed(@Param("hashes") Collection<String> hashes);
}
