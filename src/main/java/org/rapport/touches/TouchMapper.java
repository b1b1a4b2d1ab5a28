package org.rapport.touches;

import org.mybatis.cdi.Mapper;
import org.apache.ibatis.annotations.Param;

import java.util.List;

@Mapper
public interface TouchMapper {

    int insert(@Param("t") Touch touch);

    int insertAll(@Param("touches") List<Touch> touches);

    /** Sets each customer's last two-way touch from the touch table, for customers given (after a bulk load). */
    int refreshLastTwoWay(@Param("customerIds") List<Long> customerIds);
}
