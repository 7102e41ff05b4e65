-- What a citizen asked for (told the hotline, or set in an app): keyed by a hash of their phone number or e-mail
-- address, so the wish outlives a case without this table holding contact data.
CREATE TABLE citizen_preference (
    contact_hash text        PRIMARY KEY,
    channels     text        NOT NULL,  -- comma-separated NotificationChannel names; empty: in-app only
    quiet_from   time,
    quiet_to     time,
    zone         text,
    updated_at   timestamptz NOT NULL
);
