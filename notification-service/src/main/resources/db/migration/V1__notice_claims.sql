-- Exactly once per (event, recipient, channel): a notice is claimed before it is sent and marked sent after.
-- DEFERRED: waits for the end of quiet hours (due_at); CLAIMED: being sent, or interrupted by a crash;
-- RETRYING: a retry record on notification-retries will drive it; SENT and FAILED are final.
create table notice_claim (
    notification_id text primary key,
    case_id         text        not null,
    channel         text        not null,
    state           text        not null check (state in ('DEFERRED', 'CLAIMED', 'RETRYING', 'SENT', 'FAILED')),
    due_at          timestamptz,
    attempts        integer     not null default 0,
    claimed_at      timestamptz not null,
    sent_at         timestamptz,
    -- the notice as a NotificationRetry (Avro single-object encoding), so a deferred or interrupted delivery can be
    -- resumed without its source event; it holds no contact data
    notice          bytea       not null
);
create index notice_claim_due on notice_claim (state, due_at);

-- Contact data of the citizen who reported a case, for the case's later notices (case events carry none), and
-- the facts of the case those need. Personal data: read only by the channels, never logged.
create table case_contact (
    case_id         text primary key,
    phone           text,
    email           text,
    locale          text,
    lead_department text,
    updated_at      timestamptz not null
);
