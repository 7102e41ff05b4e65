package org.civicdispatch.intake.application;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.civicdispatch.events.IncidentReported;
import org.civicdispatch.events.Location;
import org.civicdispatch.intake.domain.IncidentDraft;
import org.civicdispatch.intake.domain.Intake;
import org.civicdispatch.intake.domain.IntakeOutcome;
import org.civicdispatch.intake.ledger.CaseLedger;
import org.civicdispatch.intake.ledger.CaseRecord;
import org.civicdispatch.intake.publish.IncidentPublisher;
import org.civicdispatch.intake.publish.IncidentPublisher.PublishFailedException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The one path every channel takes: validate and resolve (domain), remember under the idempotency key, link a
 * suspected duplicate, publish, and only then report success. A resend under a known key returns the first case
 * (re-publishing it if the first attempt never reached the event log); the same key with another report is refused.
 */
@Service
public class ReportIntake {

    private final Intake intake;
    private final CaseLedger ledger;
    private final IncidentPublisher publisher;
    private final Clock clock;
    private final double duplicateMeters;
    private final Duration duplicateWindow;

    public ReportIntake(Intake intake, CaseLedger ledger, IncidentPublisher publisher, Clock clock,
                        @Value("${civic.intake.duplicate-radius-meters:100}") double duplicateMeters,
                        @Value("${civic.intake.duplicate-window:PT24H}") Duration duplicateWindow) {
        this.intake = intake;
        this.ledger = ledger;
        this.publisher = publisher;
        this.clock = clock;
        this.duplicateMeters = duplicateMeters;
        this.duplicateWindow = duplicateWindow;
    }

    /**
     * Takes one report and waits until the event log has it.
     *
     * @param idempotencyKey an Idempotency-Key header, or null: then channel:externalId when there is one
     * @throws PublishFailedException when the event log did not take it: the caller must resend
     */
    public Submission submit(IncidentDraft draft, String idempotencyKey) {
        Pending pending = begin(draft, idempotencyKey);
        settle(List.of(pending)).ifPresent(failure -> {
            throw failure.cause();
        });
        return pending.submission();
    }

    /**
     * Validates, remembers and sends a report without waiting for the broker: a batch of these is then
     * {@linkplain #settle settled} at once, so the reports of one poll share the broker's round trips.
     */
    public Pending begin(IncidentDraft draft, String idempotencyKey) {
        String key = idempotencyKey != null ? "key:" + idempotencyKey
                : draft.externalId() == null ? null : draft.channel() + ":" + draft.externalId();
        String fingerprint = fingerprint(draft);
        if (key != null) {
            Optional<CaseRecord> known = ledger.byIdempotencyKey(key);
            if (known.isPresent()) {
                return resend(known.get(), fingerprint);
            }
        }
        IntakeOutcome outcome = intake.accept(draft, key);
        if (outcome instanceof IntakeOutcome.Rejected rejected) {
            return Pending.settled(new Submission.Rejected(rejected.errors()));
        }
        IncidentReported event = ((IntakeOutcome.Accepted) outcome).event();
        event.setSuspectedDuplicateOf(suspectedDuplicate(event).orElse(null));
        CaseRecord record = recordOf(event, key, fingerprint);
        if (!ledger.claim(record)) {
            // Another request with the same key won the race: answer as for a resend.
            return ledger.byIdempotencyKey(key).map(r -> resend(r, fingerprint))
                    .orElseThrow(() -> new IllegalStateException("case " + event.getCaseId() + " claimed twice"));
        }
        return new Pending(new Submission.Accepted(event.getCaseId(), event.getSuspectedDuplicateOf(), false),
                event.getCaseId(), key == null, publisher.publish(event));
    }

    /**
     * Waits for every pending publication, marks the acknowledged cases published in one statement and forgets
     * unacknowledged ones that have no key to be resent under.
     *
     * @return the first pending (in the given order) that the event log did not take, if any
     */
    public Optional<Pending.Failure> settle(List<Pending> pendings) {
        List<String> published = new ArrayList<>();
        Pending.Failure first = null;
        for (int i = 0; i < pendings.size(); i++) {
            Pending pending = pendings.get(i);
            if (pending.caseId() == null) {
                continue;
            }
            try {
                pending.acked().join();
                published.add(pending.caseId());
            } catch (CompletionException e) {
                RuntimeException cause = e.getCause() instanceof RuntimeException r ? r : e;
                if (pending.unkeyed()) {
                    // The caller is told it failed and has no key to resend under: keep no trace.
                    ledger.forget(pending.caseId());
                }
                first = first == null ? new Pending.Failure(i, cause) : first;
            }
        }
        ledger.markPublished(published);
        return Optional.ofNullable(first);
    }

    private Pending resend(CaseRecord known, String fingerprint) {
        if (!known.fingerprint().equals(fingerprint)) {
            return Pending.settled(new Submission.KeyReused(known.caseId()));
        }
        Submission accepted = new Submission.Accepted(known.caseId(), known.suspectedDuplicateOf(), true);
        if (known.published()) {
            return Pending.settled(accepted);
        }
        return new Pending(accepted, known.caseId(), false, publisher.publish(read(known.eventAvro())));
    }

    private Optional<String> suspectedDuplicate(IncidentReported event) {
        Location l = event.getLocation();
        if (l.getLatitude() == null || l.getLongitude() == null) {
            return Optional.empty();
        }
        return ledger.nearestOpenCase(event.getCategory(), l.getLatitude(), l.getLongitude(), duplicateMeters,
                clock.instant().minus(duplicateWindow));
    }

    private static CaseRecord recordOf(IncidentReported e, String key, String fingerprint) {
        Location l = e.getLocation();
        return CaseRecord.builder().caseId(e.getCaseId()).idempotencyKey(key).fingerprint(fingerprint)
                .published(false).channel(e.getChannel().name()).externalId(e.getExternalId())
                .category(e.getCategory()).description(e.getDescription()).latitude(l.getLatitude())
                .longitude(l.getLongitude()).address(l.getAddress()).gridCode(l.getGridCode())
                .communityCode(l.getCommunityCode()).streetCode(l.getStreetCode())
                .suspectedDuplicateOf(e.getSuspectedDuplicateOf()).mediaUrl(e.getMediaUrl()).eventAvro(write(e))
                .reportedAt(e.getReportedAt()).acceptedAt(e.getAcceptedAt()).caseStatus("open")
                .updatedAt(e.getAcceptedAt()).build();
    }

    /** What the caller sent, so a key reused for another report is told apart from a resend. */
    static String fingerprint(IncidentDraft draft) {
        String canonical = String.join("\u001f", String.valueOf(draft.channel()), String.valueOf(draft.externalId()),
                String.valueOf(draft.category()), String.valueOf(draft.description()),
                String.valueOf(draft.latitude()), String.valueOf(draft.longitude()), String.valueOf(draft.address()),
                String.valueOf(draft.gridCode()), String.valueOf(draft.reporterName()),
                String.valueOf(draft.reporterPhone()), String.valueOf(draft.reporterEmail()),
                String.valueOf(draft.urgency()), String.valueOf(draft.mediaUrl()));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] write(IncidentReported event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        try {
            new SpecificDatumWriter<>(IncidentReported.class).write(event, encoder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static IncidentReported read(byte[] avro) {
        try {
            return new SpecificDatumReader<>(IncidentReported.class).read(null,
                    DecoderFactory.get().binaryDecoder(avro, null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
