-- Single-use, expiring tokens for email verification and password reset. Only the SHA-256 hash of a token is
-- stored; the token itself exists only in the email that carries it.
create table myuser_one_time_token (
    id          uuid                        not null,
    user_id     uuid                        not null,
    purpose     varchar(32)                 not null,
    token_hash  varchar(64)                 not null,
    email       varchar(254)                not null,
    expires_at  timestamp(6) with time zone not null,
    used_at     timestamp(6) with time zone,
    created_at  timestamp(6) with time zone not null,
    updated_at  timestamp(6) with time zone not null,
    deleted_at  timestamp(6) with time zone,
    constraint pk_myuser_one_time_token primary key (id),
    constraint fk_myuser_one_time_token_user foreign key (user_id) references myuser_user (id)
);
-- Verification and reset look a token up by hash; issuing a new one retires a user's older ones of that purpose.
create unique index ux_myuser_one_time_token_hash on myuser_one_time_token (token_hash);
create index ix_myuser_one_time_token_user on myuser_one_time_token (user_id, purpose);
create index ix_myuser_one_time_token_expires on myuser_one_time_token (expires_at);
