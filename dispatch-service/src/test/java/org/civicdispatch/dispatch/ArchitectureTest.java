package org.civicdispatch.dispatch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(new ImportOption.DoNotIncludeTests()).importPackages("org.civicdispatch.dispatch");

    @Test
    void shouldKeepRoutingRulesFreeOfSpringAndKafka() {
        noClasses().that().resideInAPackage("org.civicdispatch.dispatch.routing..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..")
                .check(MAIN);
    }

    @Test
    void shouldKeepTheLifecycleFreeOfSpringAndKafka() {
        noClasses().that().resideInAPackage("org.civicdispatch.dispatch.lifecycle..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                        "org.civicdispatch.dispatch.topology..", "org.civicdispatch.dispatch.http..")
                .check(MAIN);
    }

    @Test
    void shouldHaveNoCyclesBetweenPackages() {
        slices().matching("org.civicdispatch.dispatch.(*)..").should().beFreeOfCycles().check(MAIN);
    }
}
