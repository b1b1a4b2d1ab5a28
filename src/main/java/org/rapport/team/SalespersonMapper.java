package org.rapport.team;

import org.mybatis.cdi.Mapper;
import org.apache.ibatis.annotations.Param;
import org.rapport.imports.Hashed;
import org.rapport.platform.security.Access;

import java.util.List;
import java.util.Optional;

@Mapper
public interface SalespersonMapper {

    record Stored(long id, String externalId, byte[] importHash) {
    }

    record Ref(long id, String externalId) {
    }

    List<Ref> findAllRefs();

    List<Stored> findByExternalIds(@Param("externalIds") List<String> externalIds);

    Optional<Long> findIdByExternalId(@Param("externalId") String externalId);

    int upsert(@Param("rows") List<Hashed<Salesperson>> rows);

    int updateLinks(@Param("id") long id, @Param("managerId") Long managerId, @Param("backupId") Long backupId);

    record Member(long id, Long managerId) {
    }

    Optional<Member> findMember(@Param("externalId") String externalId);

    List<Absence> findAbsences(@Param("salespersonId") long salespersonId);

    int deleteAbsences(@Param("salespersonId") long salespersonId);

    int insertAbsences(@Param("salespersonId") long salespersonId, @Param("absences") List<Absence> absences);

    Optional<SalespersonView> findView(@Param("externalId") String externalId);

    List<SalespersonView> findVisible(@Param("access") Access access);
}
