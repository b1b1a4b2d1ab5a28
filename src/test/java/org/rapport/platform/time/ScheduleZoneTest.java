package org.rapport.platform.time;

import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** RAPPORT_SCHEDULE_ZONE: a zone that exists, or no start at all. */
class ScheduleZoneTest {

    @Test
    void zonesThatExistAreRead() {
        assertThat(ScheduleZone.of("UTC").zone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(ScheduleZone.of(" Europe/Berlin ").timeZone().getID()).isEqualTo("Europe/Berlin");
        assertThat(ScheduleZone.of("America/New_York").timeZone().getRawOffset()).isEqualTo(-5 * 3_600_000);
    }

    @Test
    void aZoneThatDoesNotExistIsRefusedNamingTheSetting() {
        for (String typo : new String[] {"Europe/Berln", "CEST", "Berlin", "", "UTC+25"}) {
            assertThatThrownBy(() -> ScheduleZone.of(typo))
                    .as(typo)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("RAPPORT_SCHEDULE_ZONE is '" + typo + "'; it must be a time zone id such as UTC or Europe/Berlin (IANA)");
        }
    }

    /**
     * MicroProfile Config fails the deployment when an injected value does not convert, so every reader injects the
     * converted type: a {@code String} read with {@code TimeZone.getTimeZone} became GMT for a typo, and one read with
     * {@code ZoneId.of} threw only when its job first ran.
     */
    @Test
    void everyReaderOfTheSettingInjectsTheConvertedZone() {
        List<JavaField> readers = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.rapport").stream()
                .flatMap(c -> c.getFields().stream())
                .filter(f -> f.isAnnotatedWith(ConfigProperty.class)
                        && f.getAnnotationOfType(ConfigProperty.class).name().equals("rapport.schedule.zone"))
                .toList();
        assertThat(readers).extracting(f -> f.getOwner().getSimpleName())
                .contains("Scheduling", "PlanningService", "TierService");
        assertThat(readers).allSatisfy(f -> assertThat(f.getRawType().getName()).as(f.getFullName())
                .isEqualTo(ScheduleZone.class.getName()));
    }
}
