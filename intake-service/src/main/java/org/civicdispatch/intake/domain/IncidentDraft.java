package org.civicdispatch.intake.domain;

import java.time.Instant;

/**
 * A report as any channel hands it over, before validation. Plain values only, so REST, Open311 and Kafka
 * channels all map onto it.
 */
public record IncidentDraft(
        String channel,
        String externalId,
        String category,
        String description,
        Double latitude,
        Double longitude,
        String address,
        String gridCode,
        String reporterName,
        String reporterPhone,
        String reporterEmail,
        String preferredLocale,
        String urgency,
        Instant reportedAt,
        String mediaUrl) {
}
