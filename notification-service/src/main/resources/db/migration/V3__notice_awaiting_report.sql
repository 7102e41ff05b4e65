-- A case's events and its report arrive on different topics, read independently: after a restart or a rebalance a
-- case event can be handled before the case's report. The citizen's notices need the report (contact data and
-- language), so they wait for it here instead of going out without it.

-- When the report was handled (null: not yet), and when the case was closed (its contact data must not come back).
alter table case_contact add column reported_at timestamptz;
alter table case_contact add column closed_at timestamptz;
-- Only the report listener writes the locale, so rows with one have seen their report.
update case_contact set reported_at = updated_at where locale is not null;

-- One row per citizen notice (its in-app notification id), written once however often its event is redelivered.
-- The notice is planned again from its case event once the report is in (or after civic.notification.await-report-
-- for, inbox only). releasing_at marks a release under way; one interrupted longer than stale-claim is taken again.
create table notice_awaiting_report (
    notification_id text primary key,
    case_id         text        not null,
    -- the case event as received (registry wire format); case events hold no contact data
    source_event    bytea       not null,
    awaiting_since  timestamptz not null,
    releasing_at    timestamptz
);
create index notice_awaiting_report_case on notice_awaiting_report (case_id);
create index notice_awaiting_report_since on notice_awaiting_report (awaiting_since);
