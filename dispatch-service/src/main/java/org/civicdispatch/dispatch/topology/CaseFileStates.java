package org.civicdispatch.dispatch.topology;

import java.util.LinkedHashMap;
import java.util.Map;
import org.civicdispatch.dispatch.lifecycle.CaseFile;
import org.civicdispatch.dispatch.lifecycle.CaseState;
import org.civicdispatch.dispatch.lifecycle.Task;
import org.civicdispatch.dispatch.lifecycle.TaskStatus;
import org.civicdispatch.state.CaseFileState;
import org.civicdispatch.state.TaskState;

/** Case files to and from their stored form (the state store and its changelog). */
final class CaseFileStates {

    private CaseFileStates() {
    }

    static CaseFileState toState(CaseFile file) {
        return CaseFileState.newBuilder()
                .setCaseId(file.caseId())
                .setMatterCode(file.matterCode())
                .setState(file.state().name())
                .setTasks(file.tasks().values().stream().map(t -> TaskState.newBuilder().setIssued(t.issued())
                        .setStatus(t.status().name()).setExtensions(t.extensions()).setOwned(t.owned()).build())
                        .toList())
                .setLeadTaskId(file.leadTaskId())
                .setVersion(file.version())
                .setReopenCount(file.reopenCount())
                .setSeenResponses(file.seenResponses())
                .setPausedSince(file.pausedSince())
                .build();
    }

    static CaseFile fromState(CaseFileState s) {
        Map<String, Task> tasks = new LinkedHashMap<>();
        for (TaskState t : s.getTasks()) {
            tasks.put(t.getIssued().getTaskId(), new Task(t.getIssued(), TaskStatus.valueOf(t.getStatus()),
                    t.getExtensions(), t.getOwned()));
        }
        return new CaseFile(s.getCaseId(), s.getMatterCode(), CaseState.valueOf(s.getState()), tasks,
                s.getLeadTaskId(), s.getVersion(), s.getReopenCount(), s.getSeenResponses(), s.getPausedSince());
    }
}
