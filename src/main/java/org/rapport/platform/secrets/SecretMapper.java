package org.rapport.platform.secrets;

import org.apache.ibatis.annotations.Param;
import org.mybatis.cdi.Mapper;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The table {@code sealed_secret}: keys Rapport generated, each sealed under the master key. */
@Mapper
public interface SecretMapper {

    record Kept(String name, String sealed) {
    }

    /** Keeps the first value stored under {@code name}: of two instances starting at once, one key wins. */
    int insertIfAbsent(@Param("name") String name, @Param("sealed") String sealed, @Param("now") Instant now);

    Optional<String> find(@Param("name") String name);

    List<Kept> all();

    /** Seals a value again (a rotation), only if it is still the one read. */
    int reseal(@Param("name") String name, @Param("was") String was, @Param("sealed") String sealed);
}
