package org.civicdispatch.dispatch.lifecycle;

import java.time.Duration;
import org.civicdispatch.events.DepartmentTask;

/**
 * One department's part of a case, with the task record it was issued as.
 *
 * @param owned true once the department can no longer return it (it signed, the return window is over, or the
 *              street operator arbitrated)
 */
public record Task(DepartmentTask issued, TaskStatus status, int extensions, boolean owned) {

    public String taskId() {
        return issued.getTaskId();
    }

    public String departmentCode() {
        return issued.getDepartmentCode();
    }

    Task with(TaskStatus next) {
        return new Task(issued, next, extensions, owned || next != TaskStatus.DISPATCHED);
    }

    /** One more extension, the resolution deadline moved by it. */
    Task extendedBy(Duration extension) {
        Task moved = deadlineMovedBy(extension);
        return new Task(moved.issued(), status, extensions + 1, owned);
    }

    Task deadlineMovedBy(Duration by) {
        return new Task(DepartmentTask.newBuilder(issued).setResolveBy(issued.getResolveBy().plus(by)).build(), status,
                extensions, owned);
    }

    public boolean isOpen() {
        return status == TaskStatus.DISPATCHED || status == TaskStatus.ACCEPTED || status == TaskStatus.IN_PROGRESS;
    }
}
