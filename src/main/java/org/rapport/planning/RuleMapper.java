package org.rapport.planning;

import org.apache.ibatis.annotations.Param;
import org.mybatis.cdi.Mapper;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@Mapper
public interface RuleMapper {

    List<Setting> settings();

    int save(@Param("name") String name, @Param("value") String value, @Param("now") Instant now);

    /** Each team's own budget, by its manager's external id as stored. */
    List<TeamBudgetRow> teamBudgets();

    /** The own budget of the team whose manager's external id is {@code team}, compared as the database compares it. */
    Optional<BigDecimal> teamBudget(@Param("team") String team);

    int deleteTeamBudgets();

    int insertTeamBudget(@Param("teamId") long teamId, @Param("amount") BigDecimal amount, @Param("now") Instant now);

    List<CompanyHoliday> holidays();

    int deleteHolidays();

    int insertHoliday(@Param("h") CompanyHoliday holiday);

    /** A team's own budget: its manager's external id and the amount. */
    class TeamBudgetRow {
        String team;
        BigDecimal amount;
    }

    /** One stored rule setting. */
    class Setting {
        String name;
        String value;
    }
}
