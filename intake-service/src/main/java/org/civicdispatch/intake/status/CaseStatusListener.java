package org.civicdispatch.intake.status;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.civicdispatch.events.CaseEvent;
import org.civicdispatch.events.IncidentDispatched;
import org.civicdispatch.intake.ledger.CaseLedger;
import org.civicdispatch.registry.wire.AvroCodec;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps what callers can look up (Open311 status, agency responsible) in step with the case stream. */
@Component
public class CaseStatusListener {

    private final AvroCodec codec;
    private final CaseLedger ledger;

    public CaseStatusListener(AvroCodec codec, CaseLedger ledger) {
        this.codec = codec;
        this.ledger = ledger;
    }

    @KafkaListener(topics = "case-events")
    public void onCaseEvent(ConsumerRecord<String, byte[]> record) {
        CaseEvent event = codec.decode(record.value(), CaseEvent.class).value();
        if (event.getPayload() instanceof IncidentDispatched dispatched) {
            ledger.recordProgress(event.getCaseId(), "open", dispatched.getLeadDepartment(),
                    "dispatched to " + dispatched.getLeadDepartment(), event.getOccurredAt());
        }
    }
}
