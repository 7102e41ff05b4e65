-- Tamper evidence (issue 6). One global hash chain in append order: every row seals the one before it, so a single
-- linear pass verifies the whole log, and one signed checkpoint covers every topic at once. Appends take the
-- chain head's row lock, which serialises them across consumer threads and instances.
-- (V2 is left free: it was reserved while this was planned.)
ALTER TABLE audit_event
    ADD COLUMN chain_seq bigint,   -- 1, 2, 3, ... without gaps, in append order
    ADD COLUMN prev_hash bytea,    -- row_hash of chain_seq - 1; 32 zero bytes for the first row
    ADD COLUMN row_hash  bytea;    -- SHA-256 over prev_hash and the row's canonical content (chain/ChainHash)

CREATE TABLE audit_chain_head (
    id            int PRIMARY KEY CHECK (id = 1),
    last_seq      bigint NOT NULL,
    last_hash     bytea  NOT NULL,
    last_event_id bigint
);
INSERT INTO audit_chain_head (id, last_seq, last_hash) VALUES (1, 0, decode(repeat('00', 32), 'hex'));

-- Signed statements "row chain_seq had this hash": an attacker who rewrites the chain after a checkpoint cannot
-- produce a matching signature without the private key.
CREATE TABLE audit_checkpoint (
    id          bigserial   PRIMARY KEY,
    chain_seq   bigint      NOT NULL,
    event_id    bigint      NOT NULL,
    row_hash    bytea       NOT NULL,
    created_at  timestamptz NOT NULL,
    key_id      text        NOT NULL,
    signature   bytea       NOT NULL
);

-- Who asked the audit log what, and when.
CREATE TABLE audit_query_log (
    id          bigserial   PRIMARY KEY,
    asked_at    timestamptz NOT NULL,
    caller      text        NOT NULL,
    roles       text        NOT NULL,
    query       text        NOT NULL,
    parameters  jsonb       NOT NULL
);
CREATE INDEX audit_query_log_asked_at ON audit_query_log (asked_at);
