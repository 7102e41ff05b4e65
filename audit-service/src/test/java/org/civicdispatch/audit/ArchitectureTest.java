package org.civicdispatch.audit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void shouldKeepTheDomainFreeOfSpringAndKafka() {
        noClasses().that().resideInAPackage("org.civicdispatch.audit.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                        "org.civicdispatch.registry..", "org.civicdispatch.audit.store..",
                        "org.civicdispatch.audit.ingest..", "org.civicdispatch.audit.timeline..")
                .check(new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
                        .importPackages("org.civicdispatch.audit"));
    }
}
