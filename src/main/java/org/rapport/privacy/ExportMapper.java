package org.rapport.privacy;

import org.apache.ibatis.annotations.Param;
import org.mybatis.cdi.Mapper;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The reads of a customer's export: each section's rows by the customer's database id, columns as ExportSection lists. */
@Mapper
public interface ExportMapper {

    Optional<Long> customerId(@Param("externalId") String externalId);

    /** The customer's offers and needs: the ';'-separated codes of the customer row. */
    Map<String, Object> categoryCodes(@Param("id") long id);

    /** code → name of these categories. */
    List<Map<String, Object>> categoryNames(@Param("codes") Collection<String> codes);

    List<Map<String, Object>> customer(@Param("id") long id);

    List<Map<String, Object>> consent(@Param("id") long id);

    List<Map<String, Object>> consentHistory(@Param("id") long id);

    List<Map<String, Object>> touches(@Param("id") long id);

    List<Map<String, Object>> plannedTouches(@Param("id") long id);

    List<Map<String, Object>> messages(@Param("id") long id);

    List<Map<String, Object>> clicks(@Param("id") long id);

    List<Map<String, Object>> replies(@Param("id") long id);

    List<Map<String, Object>> ratings(@Param("id") long id);

    List<Map<String, Object>> introductions(@Param("id") long id);

    List<Map<String, Object>> introductionEvents(@Param("id") long id);

    List<Map<String, Object>> rewards(@Param("id") long id);

    List<Map<String, Object>> rewardEntries(@Param("id") long id);

    List<Map<String, Object>> referrals(@Param("id") long id);

    List<Map<String, Object>> purchases(@Param("id") long id);

    List<Map<String, Object>> problems(@Param("id") long id);

    List<Map<String, Object>> dataRequests(@Param("id") long id);

    List<Map<String, Object>> polls(@Param("id") long id);

    List<Map<String, Object>> pollAnswers(@Param("id") long id);
}
