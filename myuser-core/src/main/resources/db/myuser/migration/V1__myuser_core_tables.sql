-- MyUser core schema. Portable between PostgreSQL and H2 (2.x): plain types only, times as
-- "timestamp(6) with time zone", ids as application-generated time-ordered UUIDs.
-- Versions 0.x keep MyUser's migrations ahead of a host's own (V1, V2, ...) in a shared history table.

create table myuser_user (
    id               uuid                        not null,
    email            varchar(254)                not null,
    email_canonical  varchar(254),
    password_hash    varchar(255),
    first_name       varchar(150)                not null,
    last_name        varchar(150)                not null,
    active           boolean                     not null,
    email_verified   boolean                     not null,
    staff            boolean                     not null,
    last_login       timestamp(6) with time zone,
    date_joined      timestamp(6) with time zone not null,
    created_at       timestamp(6) with time zone not null,
    updated_at       timestamp(6) with time zone not null,
    deleted_at       timestamp(6) with time zone,
    constraint pk_myuser_user primary key (id)
);
-- Login, registration and reset look users up by canonical email. Soft deletion clears the column,
-- so the index enforces uniqueness among live users only (NULLs are distinct on both databases).
create unique index ux_myuser_user_email_canonical on myuser_user (email_canonical);

create table myuser_profile (
    id                            uuid                        not null,
    user_id                       uuid                        not null,
    marketing_consent             boolean                     not null,
    marketing_consent_updated_at  timestamp(6) with time zone,
    created_at                    timestamp(6) with time zone not null,
    updated_at                    timestamp(6) with time zone not null,
    deleted_at                    timestamp(6) with time zone,
    constraint pk_myuser_profile primary key (id),
    constraint fk_myuser_profile_user foreign key (user_id) references myuser_user (id)
);
create unique index ux_myuser_profile_user on myuser_profile (user_id);

create table myuser_consent_record (
    id              uuid                        not null,
    user_id         uuid                        not null,
    consent_type    varchar(64)                 not null,
    granted         boolean                     not null,
    recorded_at     timestamp(6) with time zone not null,
    ip_address      varchar(45),
    user_agent      varchar(512)                not null,
    policy_version  varchar(64),
    created_at      timestamp(6) with time zone not null,
    updated_at      timestamp(6) with time zone not null,
    deleted_at      timestamp(6) with time zone,
    constraint pk_myuser_consent_record primary key (id),
    constraint fk_myuser_consent_record_user foreign key (user_id) references myuser_user (id)
);
create index ix_myuser_consent_record_user on myuser_consent_record (user_id, recorded_at);

create table myuser_user_session (
    id             uuid                        not null,
    user_id        uuid                        not null,
    ip_address     varchar(45),
    user_agent     varchar(512)                not null,
    login_method   varchar(32)                 not null,
    last_activity  timestamp(6) with time zone not null,
    expires_at     timestamp(6) with time zone not null,
    revoked_at     timestamp(6) with time zone,
    revoke_reason  varchar(32),
    created_at     timestamp(6) with time zone not null,
    updated_at     timestamp(6) with time zone not null,
    deleted_at     timestamp(6) with time zone,
    constraint pk_myuser_user_session primary key (id),
    constraint fk_myuser_user_session_user foreign key (user_id) references myuser_user (id)
);
-- sessions/ lists a user's sessions newest first; cleanup finds expired ones.
create index ix_myuser_user_session_user on myuser_user_session (user_id, created_at);
create index ix_myuser_user_session_expires on myuser_user_session (expires_at);

create table myuser_refresh_token (
    id              uuid                        not null,
    token_hash      varchar(64)                 not null,
    session_id      uuid                        not null,
    user_id         uuid                        not null,
    expires_at      timestamp(6) with time zone not null,
    rotated_at      timestamp(6) with time zone,
    replaced_by_id  uuid,
    revoked_at      timestamp(6) with time zone,
    created_at      timestamp(6) with time zone not null,
    updated_at      timestamp(6) with time zone not null,
    deleted_at      timestamp(6) with time zone,
    constraint pk_myuser_refresh_token primary key (id),
    constraint fk_myuser_refresh_token_session foreign key (session_id) references myuser_user_session (id),
    constraint fk_myuser_refresh_token_user foreign key (user_id) references myuser_user (id)
);
-- token/refresh/ looks a token up by hash; revocation works on a whole family (session) or user.
create unique index ux_myuser_refresh_token_hash on myuser_refresh_token (token_hash);
create index ix_myuser_refresh_token_session on myuser_refresh_token (session_id);
create index ix_myuser_refresh_token_user on myuser_refresh_token (user_id);
create index ix_myuser_refresh_token_expires on myuser_refresh_token (expires_at);

create table myuser_audit_log (
    id          uuid                        not null,
    user_id     uuid,
    event_type  varchar(40)                 not null,
    ip_address  varchar(45),
    user_agent  varchar(512)                not null,
    details     varchar(4000)               not null,
    created_at  timestamp(6) with time zone not null,
    updated_at  timestamp(6) with time zone not null,
    deleted_at  timestamp(6) with time zone,
    constraint pk_myuser_audit_log primary key (id),
    constraint fk_myuser_audit_log_user foreign key (user_id) references myuser_user (id)
);
-- Exports page through a user's rows in time order; security reviews filter by type; retention by age.
create index ix_myuser_audit_log_user on myuser_audit_log (user_id, created_at);
create index ix_myuser_audit_log_type on myuser_audit_log (event_type, created_at);
create index ix_myuser_audit_log_created on myuser_audit_log (created_at);

create table myuser_data_request (
    id             uuid                        not null,
    user_id        uuid                        not null,
    request_type   varchar(16)                 not null,
    status         varchar(16)                 not null,
    notes          varchar(2000)               not null,
    due_at         timestamp(6) with time zone not null,
    scheduled_for  timestamp(6) with time zone,
    processed_at   timestamp(6) with time zone,
    attempts       integer                     not null,
    created_at     timestamp(6) with time zone not null,
    updated_at     timestamp(6) with time zone not null,
    deleted_at     timestamp(6) with time zone,
    constraint pk_myuser_data_request primary key (id),
    constraint fk_myuser_data_request_user foreign key (user_id) references myuser_user (id)
);
-- data-requests/ lists a user's requests newest first and checks for an open one of a type.
create index ix_myuser_data_request_user on myuser_data_request (user_id, created_at);
create index ix_myuser_data_request_open on myuser_data_request (user_id, request_type, status);
create index ix_myuser_data_request_status on myuser_data_request (status, scheduled_for);

create table myuser_data_export_file (
    id                  uuid                        not null,
    user_id             uuid                        not null,
    data_request_id     uuid                        not null,
    token_hash          varchar(64)                 not null,
    storage_key         varchar(512)                not null,
    file_size           bigint                      not null,
    expires_at          timestamp(6) with time zone not null,
    download_count      integer                     not null,
    max_downloads       integer,
    last_downloaded_at  timestamp(6) with time zone,
    file_deleted_at     timestamp(6) with time zone,
    created_at          timestamp(6) with time zone not null,
    updated_at          timestamp(6) with time zone not null,
    deleted_at          timestamp(6) with time zone,
    constraint pk_myuser_data_export_file primary key (id),
    constraint fk_myuser_data_export_file_user foreign key (user_id) references myuser_user (id),
    constraint fk_myuser_data_export_file_request foreign key (data_request_id) references myuser_data_request (id)
);
-- Downloads look a file up by token hash; cleanup finds expired files.
create unique index ux_myuser_data_export_file_token on myuser_data_export_file (token_hash);
create index ix_myuser_data_export_file_user on myuser_data_export_file (user_id);
create index ix_myuser_data_export_file_request on myuser_data_export_file (data_request_id);
create index ix_myuser_data_export_file_expires on myuser_data_export_file (expires_at);

create table myuser_social_account (
    id           uuid                        not null,
    user_id      uuid                        not null,
    provider     varchar(32)                 not null,
    uid          varchar(255)                not null,
    email        varchar(254),
    avatar_url   varchar(1024),
    profile_url  varchar(1024),
    date_joined  timestamp(6) with time zone not null,
    last_login   timestamp(6) with time zone,
    created_at   timestamp(6) with time zone not null,
    updated_at   timestamp(6) with time zone not null,
    deleted_at   timestamp(6) with time zone,
    constraint pk_myuser_social_account primary key (id),
    constraint fk_myuser_social_account_user foreign key (user_id) references myuser_user (id)
);
-- Social login finds the account by provider and provider user id; disconnecting deletes the row.
create unique index ux_myuser_social_account_provider_uid on myuser_social_account (provider, uid);
create index ix_myuser_social_account_user on myuser_social_account (user_id);
