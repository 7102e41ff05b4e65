package org.civicdispatch.dispatch;

import java.time.Clock;
import org.civicdispatch.contract.Party;
import org.civicdispatch.dispatch.catalog.CurrentCatalog;
import org.civicdispatch.dispatch.lifecycle.CaseLifecycle;
import org.civicdispatch.dispatch.sla.WorkingCalendar;
import org.civicdispatch.dispatch.sla.WorkingCalendarLoader;
import org.civicdispatch.dispatch.sla.WorkingTimeDeadlines;
import org.civicdispatch.reference.catalog.Department;
import org.civicdispatch.support.app.ServiceLauncher;
import org.civicdispatch.support.kafka.PlatformKafkaConfiguration;
import org.civicdispatch.support.kafka.PlatformProperties;
import org.civicdispatch.support.kafka.TopicProvisioning;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.Resource;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Street calls, departments respond: routes every reported case to the departments that must answer it. */
@SpringBootApplication
@EnableScheduling
@Import(PlatformKafkaConfiguration.class)
public class DispatchApplication {

    public static void main(String[] args) {
        ServiceLauncher.run(DispatchApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    CurrentCatalog currentCatalog(@Value("${civic.catalog:classpath:reference/matter-catalog.json}") Resource source,
                                  WorkingCalendar calendar) {
        return new CurrentCatalog(source, new WorkingTimeDeadlines(calendar));
    }

    @Bean
    WorkingCalendar workingCalendar() {
        return WorkingCalendarLoader.bundled();
    }

    /**
     * Returns within 1 working day of dispatch; at most 3 extensions of at most 3 working days each (the rules
     * other cities publish).
     */
    @Bean
    CaseLifecycle caseLifecycle(WorkingCalendar calendar) {
        return new CaseLifecycle(at -> calendar.plusWorkingDays(at, 1), 3, calendar.workingDays(3));
    }

    /** Dispatch writes every department's task topic, so it creates them from the catalog. */
    @Bean
    KafkaAdmin.NewTopics dispatchTopics(CurrentCatalog catalog, PlatformProperties properties) {
        return TopicProvisioning.topicsOf(Party.DISPATCH,
                catalog.catalog().departments().stream().map(Department::code).toList(), properties);
    }
}
