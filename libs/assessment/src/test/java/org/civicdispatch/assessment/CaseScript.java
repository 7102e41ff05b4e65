package org.civicdispatch.assessment;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.civicdispatch.assessment.period.Period;
import org.civicdispatch.contract.Topics;
import org.civicdispatch.events.CaseClosed;
import org.civicdispatch.events.CaseEvent;
import org.civicdispatch.events.CaseMerged;
import org.civicdispatch.events.CasePaused;
import org.civicdispatch.events.CaseRated;
import org.civicdispatch.events.CaseReopened;
import org.civicdispatch.events.CaseRerouted;
import org.civicdispatch.events.CaseResumed;
import org.civicdispatch.events.Channel;
import org.civicdispatch.events.Closure;
import org.civicdispatch.events.DepartmentTask;
import org.civicdispatch.events.ExtensionGranted;
import org.civicdispatch.events.IncidentDispatched;
import org.civicdispatch.events.IncidentReported;
import org.civicdispatch.events.Location;
import org.civicdispatch.events.SlaEvent;
import org.civicdispatch.events.SlaEventKind;
import org.civicdispatch.events.SlaStage;
import org.civicdispatch.events.TaskAccepted;
import org.civicdispatch.events.TaskProgressed;
import org.civicdispatch.events.TaskResolved;
import org.civicdispatch.events.TaskReturned;
import org.civicdispatch.events.TaskRole;
import org.civicdispatch.events.Tier;

/**
 * Writes one case's records as dispatch writes them (same ids, same topics), in the case's order. Deadlines:
 * sign within {@link #SIGN_WITHIN}, resolve within {@link #RESOLVE_WITHIN} of each task's dispatch.
 */
final class CaseScript {

    static final Duration SIGN_WITHIN = Duration.ofHours(2);
    static final Duration RESOLVE_WITHIN = Duration.ofDays(3);

    /** One record as read from a topic. */
    record Recorded(String topic, SpecificRecord value) {
    }

    private final String caseId;
    private final Location location;
    private final List<Recorded> records = new ArrayList<>();
    private final Map<String, String> taskOf = new HashMap<>();
    private int version = 1;

    private CaseScript(String caseId, String street, String community) {
        this.caseId = caseId;
        this.location = Location.newBuilder().setStreetCode(street).setCommunityCode(community)
                .setGridCode(community == null ? null : community + "-G01").build();
    }

    static CaseScript of(String caseId, String street, String community) {
        return new CaseScript(caseId, street, community);
    }

    /** Local time in the city's zone. */
    static Instant local(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(Period.ZONE).toInstant();
    }

    List<Recorded> records() {
        return List.copyOf(records);
    }

    String taskOf(String department) {
        return taskOf.get(department);
    }

    CaseScript reported(Instant at) {
        records.add(new Recorded(Topics.INCIDENT_REPORTS.name(), IncidentReported.newBuilder().setCaseId(caseId)
                .setChannel(Channel.HOTLINE_12345).setCategory("sanitation.garbage-overflow").setDescription("d")
                .setLocation(location).setReportedAt(at).setAcceptedAt(at).build()));
        return this;
    }

    CaseScript dispatched(Instant at, String lead, String... assisting) {
        List<String> taskIds = new ArrayList<>();
        taskIds.add(issue(lead, TaskRole.LEAD, caseId + "/" + lead, at));
        for (String department : assisting) {
            taskIds.add(issue(department, TaskRole.ASSIST, caseId + "/" + department, at));
        }
        records.add(caseEvent("/dispatched", at, IncidentDispatched.newBuilder().setMatterCode("m").setTier(Tier.STREET)
                .setLeadDepartment(lead).setAssistingDepartments(List.of(assisting)).setTaskIds(taskIds)
                .setCatalogVersion("v1").setRoutingReason("test").build()));
        return this;
    }

    CaseScript accepted(String department, Instant at) {
        return event(at, TaskAccepted.newBuilder().setTaskId(taskOf(department)).setDepartmentCode(department)
                .setResponseId(caseId + "/r" + version).build());
    }

    CaseScript progressed(String department, Instant at) {
        return event(at, TaskProgressed.newBuilder().setTaskId(taskOf(department)).setDepartmentCode(department)
                .setResponseId(caseId + "/r" + version).build());
    }

    CaseScript resolved(String department, Instant at) {
        return event(at, TaskResolved.newBuilder().setTaskId(taskOf(department)).setDepartmentCode(department)
                .setResponseId(caseId + "/r" + version).build());
    }

    CaseScript returned(String department, Instant at) {
        return event(at, TaskReturned.newBuilder().setTaskId(taskOf(department)).setDepartmentCode(department)
                .setResponseId(caseId + "/r" + version).setReason("not ours").build());
    }

    /** The street operator re-routes the returned task: the new task on its topic after the case event. */
    CaseScript rerouted(String from, String to, Instant at) {
        String returned = taskOf(from);
        String newTaskId = caseId + "/" + to + "/" + (version + 1);
        event(at, CaseRerouted.newBuilder().setReturnedTaskId(returned).setNewTaskId(newTaskId).setToDepartment(to)
                .setOperator("op").setReason("r").build());
        issue(to, TaskRole.LEAD, newTaskId, at);
        return this;
    }

    CaseScript extended(String department, Duration by, Instant at) {
        return event(at, ExtensionGranted.newBuilder().setTaskId(taskOf(department)).setExtensionMillis(by.toMillis())
                .setExtensionNumber(1).setOperator("op").setReason("r").build());
    }

    CaseScript paused(Instant at) {
        return event(at, CasePaused.newBuilder().setReason("waiting").setOperator("op").build());
    }

    CaseScript resumed(Instant at, Duration waited) {
        return event(at, CaseResumed.newBuilder().setPausedMillis(waited.toMillis()).setOperator("op").build());
    }

    /** The rating, and what dispatch writes with it: closed when satisfied, reopened when not. */
    CaseScript rated(boolean satisfied, Instant at) {
        event(at, CaseRated.newBuilder().setSatisfied(satisfied).build());
        return satisfied ? event(at, CaseClosed.newBuilder().setClosure(Closure.RATED).build())
                : event(at, CaseReopened.newBuilder().setReason("no").setReopenCount(1).build());
    }

    CaseScript merged(String into, Instant at) {
        event(at, CaseMerged.newBuilder().setIntoCaseId(into).setOperator("op").build());
        return event(at, CaseClosed.newBuilder().setClosure(Closure.MERGED).build());
    }

    CaseScript sla(String department, SlaStage stage, SlaEventKind kind, Instant at) {
        String taskId = taskOf(department);
        records.add(new Recorded(Topics.SLA_EVENTS.name(), SlaEvent.newBuilder()
                .setEventId(caseId + "/sla/" + taskId + "/" + stage + "/" + kind).setCaseId(caseId).setTaskId(taskId)
                .setDepartmentCode(department).setStage(stage).setKind(kind).setDeadline(at).setFiredAt(at).build()));
        return this;
    }

    private String issue(String department, TaskRole role, String taskId, Instant at) {
        taskOf.put(department, taskId);
        records.add(new Recorded(Topics.departmentTasks(department).name(), DepartmentTask.newBuilder()
                .setTaskId(taskId).setCaseId(caseId).setDepartmentCode(department).setRole(role).setMatterCode("m")
                .setDescription("d").setLocation(location).setTier(Tier.STREET).setDispatchedAt(at)
                .setSignBy(at.plus(SIGN_WITHIN)).setResolveBy(at.plus(RESOLVE_WITHIN)).setCatalogVersion("v1")
                .setOwnerUnit(location.getStreetCode()).build()));
        return taskId;
    }

    private CaseScript event(Instant at, SpecificRecord payload) {
        version++;
        records.add(caseEvent("/" + version, at, payload));
        return this;
    }

    private Recorded caseEvent(String idSuffix, Instant at, SpecificRecord payload) {
        return new Recorded(Topics.CASE_EVENTS.name(), CaseEvent.newBuilder().setEventId(caseId + idSuffix)
                .setCaseId(caseId).setOccurredAt(at).setPayload(payload).build());
    }
}
