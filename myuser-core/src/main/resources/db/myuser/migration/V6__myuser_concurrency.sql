-- Integrity under concurrency.
-- Every MyUser row carries a version, checked and raised by every write: an entity loaded before another
-- transaction changed its row can no longer be written back over that change (the write fails and is retried),
-- and the single-statement updates raise it too. docs/concurrency.md gives the rule per table.
alter table myuser_user add column version bigint default 0 not null;
alter table myuser_profile add column version bigint default 0 not null;
alter table myuser_consent_record add column version bigint default 0 not null;
alter table myuser_user_session add column version bigint default 0 not null;
alter table myuser_refresh_token add column version bigint default 0 not null;
alter table myuser_audit_log add column version bigint default 0 not null;
alter table myuser_data_request add column version bigint default 0 not null;
alter table myuser_data_export_file add column version bigint default 0 not null;
alter table myuser_social_account add column version bigint default 0 not null;
alter table myuser_token_revocation add column version bigint default 0 not null;
alter table myuser_one_time_token add column version bigint default 0 not null;

-- When a verification email was last asked for on behalf of the account (registration, resend, or a login with
-- the right password before the address is verified), so that logins send at most one every few minutes.
alter table myuser_user add column verification_requested_at timestamp(6) with time zone;
