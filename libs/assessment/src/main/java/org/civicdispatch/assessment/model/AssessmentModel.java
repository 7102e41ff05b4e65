package org.civicdispatch.assessment.model;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.apache.avro.specific.SpecificRecord;
import org.civicdispatch.contract.Topics;
import org.civicdispatch.events.CaseEvent;
import org.civicdispatch.events.DepartmentTask;
import org.civicdispatch.events.IncidentReported;
import org.civicdispatch.events.SlaEvent;

/**
 * The assessment read model: the facts of every case that the KPIs count, fed one event at a time from Kafka or
 * from the audit store. Pure and deterministic: it uses the times inside the events, never the record timestamp or
 * the clock, so any replay that keeps each case's events in their order rebuilds the same model, whatever the order
 * across cases and across topics. A redelivered event changes nothing.
 *
 * <p>Feed it from one thread; {@link #snapshot()} hands out an immutable copy that reports read while feeding
 * goes on.
 */
public final class AssessmentModel {

    /** What applying one record did. */
    public enum Outcome {
        APPLIED,
        /** A case event applied before (same event id): nothing changed. */
        DUPLICATE,
        /** A topic assessment does not read (responses, commands, notifications, DLQs). */
        IGNORED
    }

    private final Map<String, CaseFacts> cases = new TreeMap<>();

    /**
     * Applies a record as read from {@code topic}.
     *
     * @throws IllegalArgumentException when the value is not the type the topic carries
     */
    public synchronized Outcome apply(String topic, SpecificRecord value) {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(value, "value of a record on " + topic);
        if (topic.equals(Topics.INCIDENT_REPORTS.name())) {
            return reported(expect(topic, value, IncidentReported.class));
        }
        if (topic.equals(Topics.CASE_EVENTS.name())) {
            return caseEvent(expect(topic, value, CaseEvent.class));
        }
        if (topic.equals(Topics.SLA_EVENTS.name())) {
            return slaEvent(expect(topic, value, SlaEvent.class));
        }
        if (topic.startsWith(Topics.DEPARTMENT_TASKS_PREFIX)) {
            DepartmentTask task = expect(topic, value, DepartmentTask.class);
            String expected = Topics.departmentTasks(task.getDepartmentCode()).name();
            if (!topic.equals(expected)) {
                throw new IllegalArgumentException("task " + task.getTaskId() + " of department "
                        + task.getDepartmentCode() + " arrived on " + topic + ", not on " + expected);
            }
            return taskIssued(task);
        }
        return Outcome.IGNORED;
    }

    /** The report (incident-reports): only its place is kept, never the reporter. */
    public synchronized Outcome reported(IncidentReported report) {
        return change(report.getCaseId(), c -> c.reported(report));
    }

    /** A task as its department received it (department-tasks-&lt;dept&gt;). */
    public synchronized Outcome taskIssued(DepartmentTask task) {
        return change(task.getCaseId(), c -> c.issued(task));
    }

    /** A lifecycle event (case-events). */
    public synchronized Outcome caseEvent(CaseEvent event) {
        CaseFacts before = cases.get(event.getCaseId());
        if (before != null && before.hasSeen(event.getEventId())) {
            return Outcome.DUPLICATE;
        }
        return change(event.getCaseId(), c -> c.folded(event));
    }

    /** A timer that fired (sla-events): breaches (督办) and escalations are counted per task. */
    public synchronized Outcome slaEvent(SlaEvent event) {
        return change(event.getCaseId(), c -> c.marked(event));
    }

    /** Every case, by case id; an immutable copy. */
    public synchronized Map<String, CaseFacts> snapshot() {
        return Collections.unmodifiableMap(new TreeMap<>(cases));
    }

    private Outcome change(String caseId, UnaryOperator<CaseFacts> change) {
        cases.put(caseId, change.apply(cases.getOrDefault(caseId, CaseFacts.unseen(caseId))));
        return Outcome.APPLIED;
    }

    private static <T> T expect(String topic, SpecificRecord value, Class<T> type) {
        if (!type.isInstance(value)) {
            throw new IllegalArgumentException(topic + " carries " + type.getSimpleName() + ", not "
                    + value.getSchema().getFullName());
        }
        return type.cast(value);
    }
}
