package org.civicdispatch.dispatch.sla;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class SlaArchitectureTest {

    private static final JavaClasses SLA = new ClassFileImporter()
            .withImportOption(new ImportOption.DoNotIncludeTests())
            .importPackages("org.civicdispatch.dispatch.sla");

    @Test
    void shouldKeepSlaArithmeticFreeOfSpringAndKafka() {
        noClasses().that().resideInAPackage("org.civicdispatch.dispatch.sla..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..")
                .check(SLA);
    }

    @Test
    void shouldKeepJsonInTheLoaderOnly() {
        noClasses().that().resideInAPackage("org.civicdispatch.dispatch.sla..")
                .and().doNotHaveSimpleName("WorkingCalendarLoader")
                .and().doNotHaveFullyQualifiedName("org.civicdispatch.dispatch.sla.WorkingCalendarLoader$CalendarFile")
                .should().dependOnClassesThat().resideInAnyPackage("tools.jackson..", "com.fasterxml.jackson..")
                .check(SLA);
    }

    @Test
    void shouldNeverReadTheSystemClock() {
        noClasses().that().resideInAPackage("org.civicdispatch.dispatch.sla..")
                .should().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.time.Clock")
                .check(SLA);
    }
}
