package org.rapport.planning;

import java.time.LocalDate;
import java.util.Set;

/** The public holidays of a region (ISO 3166 country, or country and subdivision such as {@code US-NY}) in a year. */
public interface PublicHolidays {

    Set<LocalDate> of(String region, int year);

    PublicHolidays NONE = (region, year) -> Set.of();
}
