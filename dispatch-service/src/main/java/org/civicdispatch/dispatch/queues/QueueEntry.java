package org.civicdispatch.dispatch.queues;

import java.time.Instant;

/**
 * One open task in an operator's queue.
 *
 * @param deadline         the stage's current deadline (signing while unsigned, else resolving)
 * @param remainingSeconds negative when breached
 */
public record QueueEntry(String caseId, String taskId, String departmentCode, String role, String matterCode,
                         String caseState, String taskStatus, String stage, Instant deadline, long remainingSeconds,
                         boolean breached, String streetCode, String communityCode, String gridCode,
                         String description) {
}
