package org.civicdispatch.dispatch.queues;

import java.time.Instant;

/**
 * One open task in an operator's queue.
 *
 * @param stage            the pressing stage: ARRIVAL on a whistle matter until on site, SIGN while unsigned, else
 *                         RESOLUTION
 * @param deadline         that stage's current deadline
 * @param remainingSeconds negative when breached
 * @param ownerUnit        the territorial unit that called the department and supervises it
 * @param assignedUnit     for territorial responders, the unit that must act; else null
 */
public record QueueEntry(String caseId, String taskId, String departmentCode, String role, String matterCode,
                         String caseState, String taskStatus, String stage, Instant deadline, long remainingSeconds,
                         boolean breached, String streetCode, String communityCode, String gridCode,
                         String description, String ownerUnit, String assignedUnit) {
}
