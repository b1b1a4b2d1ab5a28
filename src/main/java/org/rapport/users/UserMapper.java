package org.rapport.users;

import org.mybatis.cdi.Mapper;
import org.apache.ibatis.annotations.Param;

import java.util.Optional;

@Mapper
public interface UserMapper {

    Optional<User> findByUsername(@Param("username") String username);

    long count();

    int insert(@Param("username") String username, @Param("passwordHash") String passwordHash,
               @Param("role") String role, @Param("salespersonId") Long salespersonId);
}
