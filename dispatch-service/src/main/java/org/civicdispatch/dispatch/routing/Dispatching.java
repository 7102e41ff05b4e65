package org.civicdispatch.dispatch.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.civicdispatch.events.CaseEvent;
import org.civicdispatch.events.DepartmentTask;
import org.civicdispatch.events.IncidentDispatched;
import org.civicdispatch.events.IncidentReported;
import org.civicdispatch.events.Location;
import org.civicdispatch.events.TaskRole;

/**
 * Dispatching a reported case (派发): one lead task, one task per assisting department, and the case event that
 * records the decision. The territorial unit of the matter's tier at the case's place (its grid, community or street)
 * owns the case: it called the departments, it supervises them, and escalation climbs from it. Ids derive from the case id, so processing the same report again yields the same events.
 */
public class Dispatching {

    private final Router router;
    private final DeadlinePolicy deadlines;

    public Dispatching(Router router) {
        this(router, DeadlinePolicy.ALL_HOURS);
    }

    public Dispatching(Router router, DeadlinePolicy deadlines) {
        this.router = router;
        this.deadlines = deadlines;
    }

    public Dispatched dispatch(IncidentReported report, Instant now) {
        RoutingDecision decision = router.route(report.getCategory(), report.getUrgency());
        List<DepartmentTask> tasks = new ArrayList<>();
        Instant signBy = deadlines.deadline(now, decision.signWithin(), decision.countingMode());
        Instant resolveBy = deadlines.deadline(now, decision.feedbackWithin(), decision.countingMode());
        tasks.add(task(report, decision, decision.leadDepartment(), TaskRole.LEAD, now, signBy, resolveBy));
        for (String assisting : decision.assistingDepartments()) {
            tasks.add(task(report, decision, assisting, TaskRole.ASSIST, now, signBy, resolveBy));
        }
        String owner = Territories.unitOf(report.getLocation(), decision.tier());
        // "Report within 30 minutes" is on the clock, nights and holidays included.
        Instant arriveBy = decision.arrivalWithin() == null ? null : now.plus(decision.arrivalWithin());
        tasks.replaceAll(t -> DepartmentTask.newBuilder(t).setOwnerUnit(owner).setArriveBy(arriveBy)
                .setEscalationChain(decision.escalationChain())
                .setAssignedUnit(router.assignedUnitOf(t.getDepartmentCode(), report.getLocation())).build());
        IncidentDispatched dispatched = IncidentDispatched.newBuilder()
                .setMatterCode(decision.matterCode())
                .setTier(decision.tier())
                .setLeadDepartment(decision.leadDepartment())
                .setAssistingDepartments(decision.assistingDepartments())
                .setTaskIds(tasks.stream().map(DepartmentTask::getTaskId).toList())
                .setCatchAll(decision.catchAll())
                .setCatalogVersion(decision.catalogVersion())
                .setRoutingReason(decision.reason() + ", owned by " + owner)
                .setOwnerUnit(owner)
                .build();
        CaseEvent event = CaseEvent.newBuilder()
                .setEventId(report.getCaseId() + "/dispatched")
                .setCaseId(report.getCaseId())
                .setOccurredAt(now)
                .setPayload(dispatched)
                .build();
        return new Dispatched(event, List.copyOf(tasks));
    }

    private static DepartmentTask task(IncidentReported report, RoutingDecision decision, String department,
                                       TaskRole role, Instant now, Instant signBy, Instant resolveBy) {
        return DepartmentTask.newBuilder()
                .setTaskId(report.getCaseId() + "/" + department)
                .setCaseId(report.getCaseId())
                .setDepartmentCode(department)
                .setRole(role)
                .setMatterCode(decision.matterCode())
                .setDescription(report.getDescription())
                .setLocation(report.getLocation())
                .setUrgency(decision.urgency())
                .setTier(decision.tier())
                .setDispatchedAt(now)
                .setSignBy(signBy)
                .setResolveBy(resolveBy)
                .setCatalogVersion(decision.catalogVersion())
                .build();
    }

    /** See {@link Router#assignedUnitOf}: re-routing to a territorial responder needs it too. */
    public String assignedUnitOf(String departmentCode, Location place) {
        return router.assignedUnitOf(departmentCode, place);
    }

    /** The case event and the department tasks one dispatch produces. */
    public record Dispatched(CaseEvent caseEvent, List<DepartmentTask> tasks) {
    }
}
