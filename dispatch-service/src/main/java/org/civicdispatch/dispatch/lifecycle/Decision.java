package org.civicdispatch.dispatch.lifecycle;

import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.civicdispatch.events.DepartmentTask;

/** What a command or response did to a case. */
public sealed interface Decision {

    /**
     * @param events   payloads for the case stream, in order
     * @param newTasks tasks to issue to departments (after a re-route)
     */
    record Applied(CaseFile file, List<SpecificRecord> events, List<DepartmentTask> newTasks) implements Decision {
    }

    /** An operator's command the case cannot take now; nothing changes. */
    record Refused(String reason) implements Decision {
    }

    /** Already applied (a resent response): nothing changes and nothing is emitted. */
    record Ignored() implements Decision {
    }
}
