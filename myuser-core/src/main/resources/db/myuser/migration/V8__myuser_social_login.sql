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
