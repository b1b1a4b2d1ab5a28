package org.rapport.money;

import org.apache.ibatis.annotations.Param;
import org.mybatis.cdi.Mapper;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

@Mapper
public interface ExchangeRateMapper {

    String companyCurrency();

    int saveCompanyCurrency(@Param("code") String code, @Param("now") Instant now);

    List<ExchangeRate> all();

    /** Per currency, the rate valid on {@code from} and every later one. */
    List<ExchangeRate> since(@Param("from") LocalDate from);

    List<ExchangeRate> ofCurrencies(@Param("currencies") Collection<String> currencies);

    int deleteAll();

    int upsert(@Param("r") ExchangeRate rate, @Param("now") Instant now);

    List<Unconverted> unconverted(@Param("after") LocalDate after, @Param("through") LocalDate through);
}
