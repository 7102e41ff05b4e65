package org.civicdispatch.intake.http;

import java.time.Instant;
import org.civicdispatch.intake.domain.IncidentDraft;

/** The JSON body of {@code POST /api/incidents}, as the hotline desk and the apps send it. */
public record IncidentRequest(
        String channel,
        String externalId,
        String category,
        String description,
        LocationJson location,
        ReporterJson reporter,
        String urgency,
        Instant reportedAt,
        String mediaUrl) {

    public record LocationJson(Double latitude, Double longitude, String address, String gridCode) {
    }

    public record ReporterJson(String name, String phone, String email, String preferredLocale) {
    }

    IncidentDraft toDraft() {
        LocationJson l = location == null ? new LocationJson(null, null, null, null) : location;
        ReporterJson r = reporter == null ? new ReporterJson(null, null, null, null) : reporter;
        return new IncidentDraft(channel, externalId, category, description, l.latitude(), l.longitude(),
                l.address(), l.gridCode(), r.name(), r.phone(), r.email(), r.preferredLocale(), urgency, reportedAt, mediaUrl);
    }
}
