package org.rapport.planning;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;

import java.time.LocalDate;
import java.time.Year;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Public holidays from jollyday, cached per region and year. A region jollyday does not know has no public holidays
 * (logged once), so an unusual code never stops planning.
 */
public final class JollydayHolidays implements PublicHolidays {

    private static final Logger LOG = Logger.getLogger(JollydayHolidays.class.getName());

    /** Held while Jollyday makes a manager (below). */
    private static final Object MAKING = new Object();

    private final Map<String, Set<LocalDate>> cache = new ConcurrentHashMap<>();
    private final Map<String, HolidayManager> managers = new ConcurrentHashMap<>();
    private final Set<String> unknown = ConcurrentHashMap.newKeySet();

    @Override
    public Set<LocalDate> of(String region, int year) {
        if (region == null || region.isBlank()) {
            return Set.of();
        }
        String normalized = region.strip().toLowerCase(Locale.ROOT);
        return cache.computeIfAbsent(normalized + "/" + year, key -> load(normalized, year));
    }

    private Set<LocalDate> load(String region, int year) {
        String[] parts = region.split("-", 2);
        String country = parts[0];
        if (!HolidayManager.getSupportedCalendarCodes().contains(country.toUpperCase(Locale.ROOT))) {
            if (unknown.add(country)) {
                LOG.warning(() -> "No public holiday calendar for the country '" + country + "'; only company holidays apply there");
            }
            return Set.of();
        }
        HolidayManager manager = managers.computeIfAbsent(country, JollydayHolidays::managerOf);
        String[] subdivision = parts.length > 1 ? new String[]{parts[1]} : new String[0];
        return manager.getHolidays(Year.of(year), HolidayType.PUBLIC_HOLIDAY, subdivision).stream()
                .map(Holiday::getActualDate).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Jollyday finds the data source of a new manager through a service lookup that two threads must not make at once
     * (its lazy service cache publishes an empty list before filling it): two countries loaded together (parallel unit
     * tests, two planner threads) once failed with "Cannot instantiate datasource instance because there is no
     * implementations". Managers are made one at a time, once per country; every manager Rapport makes is made here.
     */
    private static HolidayManager managerOf(String country) {
        synchronized (MAKING) {
            return HolidayManager.getInstance(ManagerParameters.create(country));
        }
    }
}
