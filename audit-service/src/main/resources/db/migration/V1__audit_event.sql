-- Append-only log of every record audit has read. The Kafka coordinates are the natural key, so a redelivery
-- after a crash inserts nothing (exactly-once append).
CREATE TABLE audit_event (
    id               bigserial PRIMARY KEY,
    topic            text        NOT NULL,
    kafka_partition  int         NOT NULL,
    kafka_offset     bigint      NOT NULL,
    record_key       text,
    case_id          text,
    event_type       text,        -- full name of the writer schema; null when undecodable
    schema_id        int,
    raw              bytea,       -- the value byte for byte; null only for a tombstone
    headers          jsonb       NOT NULL DEFAULT '{}'::jsonb,
    payload          jsonb,
    decode_error     text,
    record_timestamp timestamptz,
    appended_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT audit_event_record UNIQUE (topic, kafka_partition, kafka_offset)
);

CREATE INDEX audit_event_case_id ON audit_event (case_id);
