package org.civicdispatch.intake.status;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.civicdispatch.events.CaseClosed;
import org.civicdispatch.events.CaseEvent;
import org.civicdispatch.events.CaseReopened;
import org.civicdispatch.events.CaseRerouted;
import org.civicdispatch.events.IncidentDispatched;
import org.civicdispatch.events.TaskAccepted;
import org.civicdispatch.events.TaskResolved;
import org.civicdispatch.events.TaskReturned;
import org.civicdispatch.intake.ledger.CaseLedger;
import org.civicdispatch.registry.wire.AvroCodec;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps what callers can look up (Open311 status, agency responsible, notes) in step with the case stream. */
@Component
public class CaseStatusListener {

    private final AvroCodec codec;
    private final CaseLedger ledger;

    public CaseStatusListener(AvroCodec codec, CaseLedger ledger) {
        this.codec = codec;
        this.ledger = ledger;
    }

    @KafkaListener(topics = "#{T(org.civicdispatch.contract.Topics).CASE_EVENTS.name()}")
    public void onCaseEvent(ConsumerRecord<String, byte[]> record) {
        CaseEvent event = codec.decode(record.value(), CaseEvent.class).value();
        Progress p = progressOf(event.getPayload());
        if (p != null) {
            ledger.recordProgress(event.getCaseId(), p.status(), p.agency(), p.notes(), event.getOccurredAt());
        }
    }

    /** What a citizen-facing lookup shows after the event; null when the event changes nothing there. */
    static Progress progressOf(Object payload) {
        if (payload instanceof IncidentDispatched d) {
            return new Progress("open", d.getLeadDepartment(), "dispatched to " + d.getLeadDepartment());
        }
        if (payload instanceof CaseRerouted r) {
            return new Progress("open", r.getToDepartment(), "re-routed to " + r.getToDepartment());
        }
        if (payload instanceof TaskAccepted a) {
            return new Progress("open", null, "accepted by " + a.getDepartmentCode());
        }
        if (payload instanceof TaskReturned r) {
            return new Progress("open", null, "returned by " + r.getDepartmentCode() + ", being re-routed");
        }
        if (payload instanceof TaskResolved r) {
            return new Progress("open", null, "resolved by " + r.getDepartmentCode() + ", awaiting your rating");
        }
        if (payload instanceof CaseReopened) {
            return new Progress("open", null, "reopened after your rating");
        }
        if (payload instanceof CaseClosed c) {
            return new Progress("closed", null, "closed (" + c.getClosure().name().toLowerCase() + ")");
        }
        return null;
    }

    record Progress(String status, String agency, String notes) {
    }
}
