package org.civicdispatch.intake.channels;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.civicdispatch.events.IncidentSubmission;
import org.civicdispatch.events.Location;
import org.civicdispatch.events.Reporter;
import org.civicdispatch.intake.application.Pending;
import org.civicdispatch.intake.application.ReportIntake;
import org.civicdispatch.intake.application.Submission;
import org.civicdispatch.intake.domain.IncidentDraft;
import org.civicdispatch.registry.wire.AvroCodec;
import org.civicdispatch.support.kafka.RejectedRecordException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.micrometer.KafkaListenerObservation;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;
import org.springframework.stereotype.Component;

/**
 * Where grid-patrol apps, the hotline system and sensor gateways submit reports over Kafka. channel:externalId is
 * the idempotency key, so a redelivered or resent submission names the same case. A poll's submissions are sent to
 * the event log together and acknowledged before their offsets are committed. Unreadable or invalid submissions go
 * to intake-dlq with the reason; the ones before it in the poll are committed, the ones after it processed again.
 */
@Component
public class SubmissionListener {

    private final AvroCodec codec;
    private final ReportIntake intake;
    private final ObservationRegistry observations;

    public SubmissionListener(AvroCodec codec, ReportIntake intake, ObjectProvider<ObservationRegistry> observations) {
        this.codec = codec;
        this.intake = intake;
        this.observations = observations.getIfAvailable(() -> ObservationRegistry.NOOP);
    }

    @KafkaListener(topics = "#{T(org.civicdispatch.contract.Topics).INCIDENT_SUBMISSIONS.name()}", batch = "true",
            concurrency = "${civic.intake.submissions.concurrency:3}")
    public void onSubmissions(List<ConsumerRecord<String, byte[]>> records) {
        List<Pending> pendings = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            try {
                ConsumerRecord<String, byte[]> record = records.get(i);
                pendings.add(observed(record).observe(() -> begin(record)));
            } catch (RuntimeException e) {
                settle(pendings);
                throw new BatchListenerFailedException(String.valueOf(e.getMessage()), e, i);
            }
        }
        settle(pendings);
    }

    private Pending begin(ConsumerRecord<String, byte[]> record) {
        IncidentSubmission submission = codec.decode(record.value(), IncidentSubmission.class).value();
        Pending pending = intake.begin(draftOf(submission), null);
        if (pending.submission() instanceof Submission.Rejected rejected) {
            throw new RejectedRecordException("invalid submission: " + rejected.summary());
        }
        if (pending.submission() instanceof Submission.KeyReused reused) {
            throw new RejectedRecordException("externalId " + submission.getExternalId()
                    + " was already used for a different report (case " + reused.caseId() + ")");
        }
        return pending;
    }

    /** The container observes batches as a whole: each submission's trace context goes on into its case. */
    private Observation observed(ConsumerRecord<String, byte[]> record) {
        return KafkaListenerObservation.LISTENER_OBSERVATION.observation(null,
                KafkaListenerObservation.DefaultKafkaListenerObservationConvention.INSTANCE,
                () -> new KafkaRecordReceiverContext(record, "submissions", () -> null), observations);
    }

    /** Offsets up to the first submission the event log did not take are committed; it and the rest come again. */
    private void settle(List<Pending> pendings) {
        intake.settle(pendings).ifPresent(failure -> {
            throw new BatchListenerFailedException(String.valueOf(failure.cause().getMessage()), failure.cause(),
                    failure.index());
        });
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
