-- Social login.
-- email_verified: whether the provider asserted, when the identity was last used, that its address is the
-- person's (Facebook never does). Kept so that a later decision (a password reset, an export) knows what was proved.
alter table myuser_social_account add column email_verified boolean default false not null;

-- One identity per provider per user: connecting a second GitHub account is refused, and this index is the backstop
-- of two connects racing (the loser's insert fails and its retry answers 400). Disconnecting deletes the row.
create unique index ux_myuser_social_account_user_provider on myuser_social_account (user_id, provider);

-- The id_tokens already used, so that each logs in once on any node: token_hash is the SHA-256 (hex) of the
-- provider id, issuer and jti (or of the whole token when it has no jti); the primary key makes a second insert
-- fail. Rows are deleted by the clean-up job once expires_at (the token's exp plus the allowed clock skew) passed.
create table myuser_social_used_id_token (
    token_hash  varchar(64)                 not null,
    expires_at  timestamp(6) with time zone not null,
    constraint pk_myuser_social_used_id_token primary key (token_hash)
);
create index ix_myuser_social_used_id_token_expires_at on myuser_social_used_id_token (expires_at);

-- The redirect flow (GET social/{provider}/authorize → the provider → GET social/{provider}/callback →
-- POST social/exchange/), kept server-side so that it needs no cookie and works across nodes. A STATE row is made
-- by authorize and used up by the callback; an EXCHANGE row is made by the callback and used up by the exchange.
-- secret_hash is the SHA-256 (hex) of the state or the exchange code, which only the browser holds; sealed holds
-- what the next step needs (the PKCE verifier and nonce of a STATE, the login answer of an EXCHANGE), encrypted
-- (AES-GCM) under a key derived from that secret, so that the table alone reveals and allows nothing.
-- client_challenge: the S256 challenge the browser app may send to authorize; the exchange then needs its verifier.
-- Concurrency rule: a row is used up by one conditional update (used_at is null and not expired); the loser of two
-- uses matches no row.
create table myuser_social_flow (
    id                uuid                        not null,
    kind              varchar(16)                 not null,
    secret_hash       varchar(64)                 not null,
    provider          varchar(32)                 not null,
    redirect_to       varchar(2048)               not null,
    sealed            varchar(8192)               not null,
    client_challenge  varchar(128),
    expires_at        timestamp(6) with time zone not null,
    used_at           timestamp(6) with time zone,
    created_at        timestamp(6) with time zone not null,
    constraint pk_myuser_social_flow primary key (id),
    constraint ux_myuser_social_flow_secret unique (secret_hash)
);
create index ix_myuser_social_flow_expires_at on myuser_social_flow (expires_at);
