package org.civicdispatch.assessment.model;

import java.time.Instant;
import org.civicdispatch.events.DepartmentTask;
import org.civicdispatch.events.TaskRole;

/**
 * The task as the department received it on its task topic: whose it is and its deadlines as issued.
 *
 * @param resolveBy the resolution deadline as issued; extensions and waits on the citizen are in {@link TaskProgress}
 */
public record TaskIssue(String departmentCode, boolean lead, Instant dispatchedAt, Instant signBy, Instant resolveBy,
                        Place place, String ownerUnit) {

    static TaskIssue of(DepartmentTask task) {
        return new TaskIssue(task.getDepartmentCode(), task.getRole() == TaskRole.LEAD, task.getDispatchedAt(),
                task.getSignBy(), task.getResolveBy(), Place.of(task.getLocation()), task.getOwnerUnit());
    }
}
