-- Token lifecycle: refresh rotation with reuse detection and revocation that every node sees.

-- While a rotated refresh token is inside its grace window, a repeated refresh returns the same successor pair.
-- The pair is kept AES-GCM encrypted under a key derived from the rotated token itself, which is never stored:
-- only a client holding that token can read it.
alter table myuser_refresh_token add column successor_ciphertext varchar(4000);

-- One row per revoked session. Every node loads the rows it has not seen yet at a short interval and refuses the
-- session's access tokens from then on; a row is useless once the session's last access token has expired.
create table myuser_token_revocation (
    id          uuid                        not null,
    session_id  uuid                        not null,
    user_id     uuid                        not null,
    reason      varchar(32)                 not null,
    revoked_at  timestamp(6) with time zone not null,
    expires_at  timestamp(6) with time zone not null,
    created_at  timestamp(6) with time zone not null,
    updated_at  timestamp(6) with time zone not null,
    deleted_at  timestamp(6) with time zone,
    constraint pk_myuser_token_revocation primary key (id)
);
create index ix_myuser_token_revocation_revoked on myuser_token_revocation (revoked_at);
create index ix_myuser_token_revocation_expires on myuser_token_revocation (expires_at);
