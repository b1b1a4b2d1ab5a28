package org.rapport.users;

import org.apache.ibatis.annotations.Param;
import org.mybatis.cdi.Mapper;
import org.rapport.platform.security.Account;

import java.util.List;
import java.util.Optional;

@Mapper
public interface UserMapper {

    Optional<Account> findByUsername(@Param("username") String username);

    List<Account> all();

    /** The login as stored now, its row locked until the transaction ends. */
    Optional<Account> lockByUsername(@Param("username") String username);

    /** The ids of the enabled admins, their rows locked until the transaction ends. */
    List<Long> lockEnabledAdmins();

    boolean hasEnabledLogin(@Param("salespersonId") long salespersonId);

    int insert(@Param("username") String username, @Param("passwordHash") String passwordHash,
               @Param("role") String role, @Param("salespersonId") Long salespersonId);

    int update(@Param("id") long id, @Param("role") String role, @Param("salespersonId") Long salespersonId,
               @Param("enabled") boolean enabled);

    int updatePassword(@Param("id") long id, @Param("passwordHash") String passwordHash);

    int delete(@Param("id") long id);
}
