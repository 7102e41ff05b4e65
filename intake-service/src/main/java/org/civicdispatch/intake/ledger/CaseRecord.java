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

    /** A record named field by field; unset fields are null (false for {@code published}). */
    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private String caseId;
        private String idempotencyKey;
        private String fingerprint;
        private boolean published;
        private String channel;
        private String externalId;
        private String category;
        private String description;
        private Double latitude;
        private Double longitude;
        private String address;
        private String gridCode;
        private String communityCode;
        private String streetCode;
        private String suspectedDuplicateOf;
        private String mediaUrl;
        private byte[] eventAvro;
        private Instant reportedAt;
        private Instant acceptedAt;
        private String caseStatus;
        private String agencyResponsible;
        private String statusNotes;
        private Instant updatedAt;

        private Builder() {
        }

        public Builder caseId(String value) {
            this.caseId = value;
            return this;
        }

        public Builder idempotencyKey(String value) {
            this.idempotencyKey = value;
            return this;
        }

        public Builder fingerprint(String value) {
            this.fingerprint = value;
            return this;
        }

        public Builder published(boolean value) {
            this.published = value;
            return this;
        }

        public Builder channel(String value) {
            this.channel = value;
            return this;
        }

        public Builder externalId(String value) {
            this.externalId = value;
            return this;
        }

        public Builder category(String value) {
            this.category = value;
            return this;
        }

        public Builder description(String value) {
            this.description = value;
            return this;
        }

        public Builder latitude(Double value) {
            this.latitude = value;
            return this;
        }

        public Builder longitude(Double value) {
            this.longitude = value;
            return this;
        }

        public Builder address(String value) {
            this.address = value;
            return this;
        }

        public Builder gridCode(String value) {
            this.gridCode = value;
            return this;
        }

        public Builder communityCode(String value) {
            this.communityCode = value;
            return this;
        }

        public Builder streetCode(String value) {
            this.streetCode = value;
            return this;
        }

        public Builder suspectedDuplicateOf(String value) {
            this.suspectedDuplicateOf = value;
            return this;
        }

        public Builder mediaUrl(String value) {
            this.mediaUrl = value;
            return this;
        }

        public Builder eventAvro(byte[] value) {
            this.eventAvro = value;
            return this;
        }

        public Builder reportedAt(Instant value) {
            this.reportedAt = value;
            return this;
        }

        public Builder acceptedAt(Instant value) {
            this.acceptedAt = value;
            return this;
        }

        public Builder caseStatus(String value) {
            this.caseStatus = value;
            return this;
        }

        public Builder agencyResponsible(String value) {
            this.agencyResponsible = value;
            return this;
        }

        public Builder statusNotes(String value) {
            this.statusNotes = value;
            return this;
        }

        public Builder updatedAt(Instant value) {
            this.updatedAt = value;
            return this;
        }

        public CaseRecord build() {
            return new CaseRecord(caseId, idempotencyKey, fingerprint, published, channel,
                    externalId, category, description, latitude, longitude, address, gridCode,
                    communityCode, streetCode, suspectedDuplicateOf, mediaUrl, eventAvro,
                    reportedAt, acceptedAt, caseStatus, agencyResponsible, statusNotes, updatedAt);
        }
    }
}
