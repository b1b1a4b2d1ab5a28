package org.rapport.planning;

import org.apache.ibatis.annotations.Param;
import org.mybatis.cdi.Mapper;

import java.time.Instant;
import java.util.List;

@Mapper
public interface RuleMapper {

    List<Setting> settings();

    int save(@Param("name") String name, @Param("value") String value, @Param("now") Instant now);

    List<CompanyHoliday> holidays();

    int deleteHolidays();

    int insertHoliday(@Param("h") CompanyHoliday holiday);

    /** One stored rule setting. */
    class Setting {
        String name;
        String value;
    }
}
