package org.civicdispatch.dispatch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void shouldKeepRoutingRulesFreeOfSpringAndKafka() {
        noClasses().that().resideInAPackage("org.civicdispatch.dispatch.routing..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..")
                .check(new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
                        .importPackages("org.civicdispatch.dispatch"));
    }
}
