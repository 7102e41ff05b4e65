package org.civicdispatch.audit.timeline;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.civicdispatch.audit.access.Caller;
import org.civicdispatch.audit.access.PersonalData;
import org.civicdispatch.audit.store.AuditLog;
import org.civicdispatch.audit.store.QueryLog;
import org.civicdispatch.security.Forbidden;
import org.springframework.stereotype.Service;

/** A case's timeline, now or as it stood at a moment, with personal data masked unless the caller may see it. */
@Service
public class ReadingTimelines {

    private final AuditLog log;
    private final QueryLog queries;

    public ReadingTimelines(AuditLog log, QueryLog queries) {
        this.log = log;
        this.queries = queries;
    }

    /** Empty when no event of the case was ever recorded. */
    public Optional<Timeline> timeline(Caller caller, String caseId, Instant asOf) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("caseId", caseId);
        parameters.put("asOf", asOf);
        queries.record(caller, QueryLog.TIMELINE, parameters);
        if (!log.knows(caseId)) {
            return Optional.empty();
        }
        if (!caller.roles().contains(Caller.AUDITOR) && !caller.roles().contains(Caller.AUDITOR_PII)
                && !log.streetOf(caseId).map(caller::operatesIn).orElse(false)) {
            throw new Forbidden("case " + caseId + " is outside your streets");
        }
        return Optional.of(new Timeline(caseId, asOf, log.timelineOf(caseId, asOf).stream()
                .map(event -> Timeline.Event.of(event, caller.maySeePersonalData() ? event.payloadJson()
                        : PersonalData.mask(event.eventType(), event.payloadJson())))
                .toList()));
    }
}
