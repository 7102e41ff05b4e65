-- After V4 chained the rows that were already there, every row is in the chain.
ALTER TABLE audit_event
    ALTER COLUMN chain_seq SET NOT NULL,
    ALTER COLUMN prev_hash SET NOT NULL,
    ALTER COLUMN row_hash SET NOT NULL,
    ADD CONSTRAINT audit_event_chain_seq UNIQUE (chain_seq);

-- Period exports and as-of timelines select by the record's own time.
CREATE INDEX audit_event_record_timestamp ON audit_event (record_timestamp);

-- Nobody changes the record in ordinary use. The owner (or a superuser) can still disable these triggers; the
-- hash chain and the signed checkpoints are what show that it happened.
CREATE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit record is append-only: % on % refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_checkpoint_append_only BEFORE UPDATE OR DELETE ON audit_checkpoint
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_checkpoint_no_truncate BEFORE TRUNCATE ON audit_checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_query_log_append_only BEFORE UPDATE OR DELETE ON audit_query_log
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_query_log_no_truncate BEFORE TRUNCATE ON audit_query_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();

REVOKE UPDATE, DELETE, TRUNCATE ON audit_event, audit_checkpoint, audit_query_log FROM PUBLIC;
