package org.civicdispatch.audit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(new ImportOption.DoNotIncludeTests()).importPackages("org.civicdispatch.audit");

    @Test
    void shouldKeepTheDomainTheChainAndAccessRulesFreeOfSpringKafkaAndStorage() {
        noClasses().that().resideInAnyPackage("org.civicdispatch.audit.domain..", "org.civicdispatch.audit.chain..",
                        "org.civicdispatch.audit.access..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                        "org.civicdispatch.registry..", "org.civicdispatch.audit.store..",
                        "org.civicdispatch.audit.ingest..", "org.civicdispatch.audit.timeline..",
                        "org.civicdispatch.audit.integrity..", "org.civicdispatch.audit.replay..",
                        "org.civicdispatch.audit.http..", "org.civicdispatch.audit.cli..", "java.sql..")
                .check(CLASSES);
    }

    @Test
    void shouldLetTheCliRunWithoutAnyHttpOrSpringContext() {
        noClasses().that().resideInAPackage("org.civicdispatch.audit.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.boot..",
                        "org.springframework.context..", "org.springframework.web..", "org.civicdispatch.audit.http..")
                .check(CLASSES);
    }
}
