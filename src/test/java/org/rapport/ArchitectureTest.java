package org.rapport;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Features talk through each other's services and events, never through another feature's mapper; no two top-level
 * packages depend on each other in a cycle, and the platform depends on no feature.
 */
class ArchitectureTest {

    static final JavaClasses RAPPORT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.rapport");

    @Test
    void aMapperIsUsedOnlyInsideItsOwnFeature() {
        classes().that().resideOutsideOfPackage("org.rapport.platform.database")
                .should(new ArchCondition<>("use only the mappers of their own package") {
                    @Override
                    public void check(JavaClass origin, ConditionEvents events) {
                        origin.getDirectDependenciesFromSelf().stream()
                                .map(d -> d.getTargetClass())
                                .filter(target -> target.isInterface() && target.getSimpleName().endsWith("Mapper")
                                        && target.getPackageName().startsWith("org.rapport"))
                                .filter(target -> !target.getPackageName().equals(origin.getPackageName()))
                                .forEach(target -> events.add(SimpleConditionEvent.violated(origin,
                                        origin.getName() + " uses " + target.getName())));
                    }
                })
                .check(RAPPORT);
    }

    /** A platform sub-package counts as the platform: {@code org.rapport.platform.security} is the slice {@code platform}. */
    @Test
    void topLevelPackagesHaveNoCycles() {
        slices().matching("org.rapport.(*)..").should().beFreeOfCycles().check(RAPPORT);
    }

    /** Features plug into the platform (startup steps, mappers found by a scan, jobs marked {@code @Scheduled}), never the reverse. */
    @Test
    void thePlatformDependsOnNoFeature() {
        noClasses().that().resideInAPackage("org.rapport.platform..")
                .should().dependOnClassesThat(resideInAPackage("org.rapport..").and(resideOutsideOfPackage("org.rapport.platform..")))
                .check(RAPPORT);
    }

    /**
     * The outbox declares what it needs from the features (send windows from planning, vetoes from netweaving) as
     * interfaces that they implement: it depends on neither.
     */
    @Test
    void theOutboxDependsNeitherOnPlanningNorOnNetweaving() {
        noClasses().that().resideInAPackage("org.rapport.outbox..")
                .should().dependOnClassesThat().resideInAnyPackage("org.rapport.planning..", "org.rapport.netweaving..")
                .check(RAPPORT);
    }

    @Test
    void theLauncherStaysOutOfTheApplication() {
        noClasses().that().resideOutsideOfPackage("org.rapport.launcher..")
                .should().dependOnClassesThat().resideInAPackage("org.rapport.launcher..")
                .check(RAPPORT);
    }
}
