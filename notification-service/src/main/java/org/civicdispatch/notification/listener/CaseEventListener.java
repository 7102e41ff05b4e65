package org.civicdispatch.notification.listener;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.civicdispatch.events.CaseClosed;
import org.civicdispatch.events.CaseEvent;
import org.civicdispatch.events.IncidentDispatched;
import org.civicdispatch.notification.delivery.HoldingNoticesForTheReport;
import org.civicdispatch.notification.delivery.Source;
import org.civicdispatch.notification.directory.CaseContacts;
import org.civicdispatch.notification.domain.Notifying;
import org.civicdispatch.registry.wire.AvroCodec;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The case lifecycle after intake: citizen, department staff and grid workers hear what concerns them. The
 * citizen's notices wait for the case's report when this event came first (the topics are read independently).
 */
@Component
public class CaseEventListener {

    private final AvroCodec codec;
    private final Notifying notifying;
    private final CaseContacts contacts;
    private final HoldingNoticesForTheReport holding;

    public CaseEventListener(AvroCodec codec, Notifying notifying, CaseContacts contacts,
                             HoldingNoticesForTheReport holding) {
        this.codec = codec;
        this.notifying = notifying;
        this.contacts = contacts;
        this.holding = holding;
    }

    @KafkaListener(topics = "#{T(org.civicdispatch.contract.Topics).CASE_EVENTS.name()}")
    public void onCaseEvent(ConsumerRecord<String, byte[]> record) {
        CaseEvent event = codec.decode(record.value(), CaseEvent.class).value();
        if (event.getPayload() instanceof IncidentDispatched dispatched) {
            contacts.rememberLead(event.getCaseId(), dispatched.getLeadDepartment());
        }
        CaseContacts.Known known = contacts.known(event.getCaseId());
        holding.deliverOrHold(event.getCaseId(), notifying.onCaseEvent(event, known.facts()), known.reported(),
                record.value(), Source.of(record));
        if (event.getPayload() instanceof CaseClosed) {
            // Nothing more will be said about a closed case: its reporter's contact data goes, and a report
            // handled later does not bring it back (a redelivery of the closure finds nothing to send to the
            // citizen, which is what the claims already guarantee).
            contacts.forget(event.getCaseId());
        }
    }
}
