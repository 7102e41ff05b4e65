package org.civicdispatch.intake.ledger;

import java.time.Instant;

/** One accepted report as intake remembers it. */
public record CaseRecord(
        String caseId,
        String idempotencyKey,
        String fingerprint,
        boolean published,
        String channel,
        String externalId,
        String category,
        String description,
        Double latitude,
        Double longitude,
        String address,
        String gridCode,
        String communityCode,
        String streetCode,
        String suspectedDuplicateOf,
        String mediaUrl,
        byte[] eventAvro,
        Instant reportedAt,
        Instant acceptedAt,
        String caseStatus,
        String agencyResponsible,
        String statusNotes,
        Instant updatedAt) {
}
