package org.civicdispatch.dispatch.queues;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.stream.Stream;
import org.civicdispatch.dispatch.lifecycle.CaseFile;
import org.civicdispatch.dispatch.lifecycle.Task;
import org.civicdispatch.dispatch.lifecycle.TaskStatus;
import org.civicdispatch.events.DepartmentTask;
import org.civicdispatch.events.SlaStage;

/** Operator queues from case files: open tasks with the time left, breached first, then the nearest deadline. */
public final class Queues {

    public static final Comparator<QueueEntry> BREACHED_FIRST = Comparator.comparing(QueueEntry::breached).reversed()
            .thenComparing(QueueEntry::deadline).thenComparing(QueueEntry::taskId);

    private Queues() {
    }

    /**
     * Filters are exact codes or null for all; {@code unit} matches the unit a task is assigned to or owned by;
     * {@code streetsInScope} (null for all) is what the caller may see.
     */
    public record Filter(String department, String street, String community, String unit,
                         Set<String> streetsInScope) {

        public Filter(String department, String street, String community, String unit) {
            this(department, street, community, unit, null);
        }

        public Filter within(Set<String> streets) {
            return new Filter(department, street, community, unit, Set.copyOf(streets));
        }

        public Filter ofDepartment(String code) {
            return new Filter(code, street, community, unit, streetsInScope);
        }

        boolean accepts(QueueEntry e) {
            return (department == null || department.equals(e.departmentCode()))
                    && (street == null || street.equals(e.streetCode()))
                    && (community == null || community.equals(e.communityCode()))
                    && (unit == null || unit.equals(e.assignedUnit()) || unit.equals(e.ownerUnit()))
                    && (streetsInScope == null || streetsInScope.contains(e.streetCode()));
        }
    }

    public static Stream<QueueEntry> entriesOf(CaseFile file, Instant now) {
        if (!file.state().isOpen()) {
            return Stream.empty();
        }
        return file.tasks().values().stream().filter(Task::isOpen).map(task -> entry(file, task, now));
    }

    public static List<QueueEntry> sorted(Stream<QueueEntry> entries, Filter filter, int limit) {
        // The first `limit` kept in a bounded heap: the queue of a million open cases is never sorted whole.
        PriorityQueue<QueueEntry> first = new PriorityQueue<>(limit + 1, BREACHED_FIRST.reversed());
        entries.filter(filter::accepts).forEach(entry -> {
            first.add(entry);
            if (first.size() > limit) {
                first.poll();
            }
        });
        return first.stream().sorted(BREACHED_FIRST).toList();
    }

    private static QueueEntry entry(CaseFile file, Task task, Instant now) {
        DepartmentTask issued = task.issued();
        SlaStage stage = pressingStage(task);
        Instant deadline = switch (stage) {
            case ARRIVAL -> issued.getArriveBy();
            case SIGN -> issued.getSignBy();
            default -> issued.getResolveBy();
        };
        long remaining = Duration.between(now, deadline).toSeconds();
        return new QueueEntry(file.caseId(), task.taskId(), task.departmentCode(), issued.getRole().name(),
                file.matterCode(), file.state().name(), task.status().name(), stage.name(),
                deadline, remaining, remaining < 0, issued.getLocation().getStreetCode(),
                issued.getLocation().getCommunityCode(), issued.getLocation().getGridCode(), issued.getDescription(),
                issued.getOwnerUnit(), issued.getAssignedUnit());
    }

    /** Being on site comes first on a whistle matter, then signing, then the result. */
    private static SlaStage pressingStage(Task task) {
        boolean notYetOnSite = task.status() == TaskStatus.DISPATCHED || task.status() == TaskStatus.ACCEPTED;
        if (task.issued().getArriveBy() != null && notYetOnSite) {
            return SlaStage.ARRIVAL;
        }
        return task.status() == TaskStatus.DISPATCHED ? SlaStage.SIGN : SlaStage.RESOLUTION;
    }
}
