package org.civicdispatch.audit.assessment;

import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.civicdispatch.contract.Topics;
import org.civicdispatch.events.CaseEvent;
import org.civicdispatch.events.DepartmentTask;
import org.civicdispatch.events.IncidentReported;
import org.civicdispatch.events.SlaEvent;

/** The topics the assessment reads, and the class each one's records decode to. */
final class AssessedTopics {

    private AssessedTopics() {
    }

    static Optional<Class<? extends SpecificRecord>> typeOf(String topic) {
        if (topic.equals(Topics.INCIDENT_REPORTS.name())) {
            return Optional.of(IncidentReported.class);
        }
        if (topic.equals(Topics.CASE_EVENTS.name())) {
            return Optional.of(CaseEvent.class);
        }
        if (topic.equals(Topics.SLA_EVENTS.name())) {
            return Optional.of(SlaEvent.class);
        }
        if (topic.startsWith(Topics.DEPARTMENT_TASKS_PREFIX)) {
            return Optional.of(DepartmentTask.class);
        }
        return Optional.empty();
    }
}
