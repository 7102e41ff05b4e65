package org.civicdispatch.dispatch.lifecycle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything dispatch knows of one case, rebuilt from nothing but its own decisions. Immutable: each decision
 * returns the next file.
 *
 * @param version        how many events the case has produced; event ids derive from it
 * @param seenResponses  ids of department responses already applied, so a resent response changes nothing
 * @param pausedSince    when the case began waiting on the citizen, or null while its clocks run
 */
public record CaseFile(String caseId, String matterCode, CaseState state, Map<String, Task> tasks,
                       String leadTaskId, int version, int reopenCount, List<String> seenResponses,
                       Instant pausedSince) {

    public CaseFile {
        tasks = Map.copyOf(tasks);
        seenResponses = List.copyOf(seenResponses);
    }

    public Optional<Task> task(String taskId) {
        return Optional.ofNullable(tasks.get(taskId));
    }

    public Task lead() {
        return tasks.get(leadTaskId);
    }

    CaseFile with(CaseState nextState, Task changed) {
        Map<String, Task> next = new LinkedHashMap<>(tasks);
        if (changed != null) {
            next.put(changed.taskId(), changed);
        }
        return new CaseFile(caseId, matterCode, nextState, next, leadTaskId, version, reopenCount, seenResponses,
                pausedSince);
    }

    CaseFile withLead(String taskId) {
        return new CaseFile(caseId, matterCode, state, tasks, taskId, version, reopenCount, seenResponses, pausedSince);
    }

    CaseFile reopened() {
        return new CaseFile(caseId, matterCode, state, tasks, leadTaskId, version, reopenCount + 1, seenResponses,
                pausedSince);
    }

    /** Remembers a response id; keeps the last 64, more than any case receives in practice. */
    CaseFile seen(String responseId) {
        List<String> next = new ArrayList<>(seenResponses);
        next.add(responseId);
        if (next.size() > 64) {
            next.remove(0);
        }
        return new CaseFile(caseId, matterCode, state, tasks, leadTaskId, version, reopenCount, next, pausedSince);
    }

    CaseFile advancedBy(int events) {
        return new CaseFile(caseId, matterCode, state, tasks, leadTaskId, version + events, reopenCount,
                seenResponses, pausedSince);
    }

    CaseFile paused(Instant since) {
        return new CaseFile(caseId, matterCode, state, tasks, leadTaskId, version, reopenCount, seenResponses, since);
    }

    public boolean isPaused() {
        return pausedSince != null;
    }
}
