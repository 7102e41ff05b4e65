-- Every accepted report, as intake saw it: the idempotency ledger, the duplicate-suspicion index and the
-- source of Open311 request lookups. The event itself is in Kafka; this is intake's own memory.
create table intake_case (
    case_id            text primary key,
    idempotency_key    text unique,
    fingerprint        text not null,
    state              text not null check (state in ('PENDING', 'PUBLISHED')),
    channel            text not null,
    external_id        text,
    category           text not null,
    description        text not null,
    latitude           double precision,
    longitude          double precision,
    address            text,
    grid_code          text,
    community_code     text,
    street_code        text,
    suspected_duplicate_of text,
    event_avro         bytea not null,
    reported_at        timestamptz not null,
    accepted_at        timestamptz not null,
    case_status        text not null default 'open',
    agency_responsible text,
    status_notes       text,
    updated_at         timestamptz not null
);
create index intake_case_recent on intake_case (category, accepted_at);
create index intake_case_accepted on intake_case (accepted_at);
