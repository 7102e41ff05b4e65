package org.civicdispatch.intake.channels;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.civicdispatch.events.IncidentSubmission;
import org.civicdispatch.events.Location;
import org.civicdispatch.events.Reporter;
import org.civicdispatch.intake.application.ReportIntake;
import org.civicdispatch.intake.application.Submission;
import org.civicdispatch.intake.domain.IncidentDraft;
import org.civicdispatch.registry.wire.AvroCodec;
import org.civicdispatch.support.kafka.RejectedRecordException;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Where grid-patrol apps, the hotline system and sensor gateways submit reports over Kafka. channel:externalId is
 * the idempotency key, so a redelivered or resent submission names the same case. Unreadable or invalid
 * submissions go to intake-dlq with the reason; the next submission is processed regardless.
 */
@Component
public class SubmissionListener {

    private final AvroCodec codec;
    private final ReportIntake intake;

    public SubmissionListener(AvroCodec codec, ReportIntake intake) {
        this.codec = codec;
        this.intake = intake;
    }

    @KafkaListener(topics = "incident-submissions")
    public void onSubmission(ConsumerRecord<String, byte[]> record) {
        IncidentSubmission submission = codec.decode(record.value(), IncidentSubmission.class).value();
        Submission outcome = intake.submit(draftOf(submission), null);
        if (outcome instanceof Submission.Rejected rejected) {
            throw new RejectedRecordException("invalid submission: " + rejected.summary());
        }
        if (outcome instanceof Submission.KeyReused reused) {
            throw new RejectedRecordException("externalId " + submission.getExternalId()
                    + " was already used for a different report (case " + reused.caseId() + ")");
        }
    }

    static IncidentDraft draftOf(IncidentSubmission s) {
        Location l = s.getLocation();
        Reporter r = s.getReporter() == null ? new Reporter() : s.getReporter();
        return new IncidentDraft(s.getChannel().name(), s.getExternalId(), s.getCategory(), s.getDescription(),
                l.getLatitude(), l.getLongitude(), l.getAddress(), l.getGridCode(), r.getName(), r.getPhone(),
                r.getEmail(), r.getPreferredLocale(), s.getUrgency() == null ? null : s.getUrgency().name(),
                s.getReportedAt(), s.getMediaUrl());
    }
}
