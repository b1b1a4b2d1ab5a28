package org.rapport;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Features talk through each other's services and events, never through another feature's mapper. */
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

    @Test
    void thePlatformKnowsNoFeatureExceptThroughItsWiring() {
        noClasses().that().resideInAPackage("org.rapport.platform.web..")
                .or().resideInAPackage("org.rapport.platform.time..")
                .or().resideInAPackage("org.rapport.platform.jobs..")
                .should().dependOnClassesThat().resideInAnyPackage("org.rapport.customers..", "org.rapport.team..",
                        "org.rapport.problems..", "org.rapport.purchases..", "org.rapport.touches..")
                .check(RAPPORT);
    }

    @Test
    void theLauncherStaysOutOfTheApplication() {
        noClasses().that().resideOutsideOfPackage("org.rapport.launcher..")
                .should().dependOnClassesThat().resideInAPackage("org.rapport.launcher..")
                .check(RAPPORT);
    }
}
