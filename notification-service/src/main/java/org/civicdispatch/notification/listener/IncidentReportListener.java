package org.civicdispatch.notification.listener;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.civicdispatch.events.IncidentReported;
import org.civicdispatch.events.Reporter;
import org.civicdispatch.notification.delivery.HoldingNoticesForTheReport;
import org.civicdispatch.notification.delivery.NoticeDelivery;
import org.civicdispatch.notification.delivery.Source;
import org.civicdispatch.notification.directory.CaseContacts;
import org.civicdispatch.notification.domain.NoticeTemplates;
import org.civicdispatch.notification.domain.Notifying;
import org.civicdispatch.registry.wire.AvroCodec;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Accepted reports: the reporter's contact data is kept for the case's later notices, the citizen learns the case
 * number, and then hears the notices that waited for this report (case events handled before it). Unreadable
 * records go to notification-dlq.
 */
@Component
public class IncidentReportListener {

    private final AvroCodec codec;
    private final Notifying notifying;
    private final CaseContacts contacts;
    private final NoticeDelivery delivery;
    private final HoldingNoticesForTheReport holding;

    public IncidentReportListener(AvroCodec codec, Notifying notifying, CaseContacts contacts,
                                  NoticeDelivery delivery, HoldingNoticesForTheReport holding) {
        this.codec = codec;
        this.notifying = notifying;
        this.contacts = contacts;
        this.delivery = delivery;
        this.holding = holding;
    }

    @KafkaListener(topics = "#{T(org.civicdispatch.contract.Topics).INCIDENT_REPORTS.name()}")
    public void onReported(ConsumerRecord<String, byte[]> record) {
        IncidentReported report = codec.decode(record.value(), IncidentReported.class).value();
        // Remembered with or without a reporter: the case's report is known from now on.
        Reporter reporter = report.getReporter() != null ? report.getReporter() : new Reporter();
        contacts.rememberReporter(report.getCaseId(), reporter.getPhone(), reporter.getEmail(),
                NoticeTemplates.supportedLocale(reporter.getPreferredLocale()).toLanguageTag());
        delivery.deliverAll(notifying.onReported(report), Source.of(record));
        holding.release(report.getCaseId(), Source.of(record));
    }
}
