-- Rate limiting, store "jdbc" (PostgreSQL): one row per budget, written by Bucket4j's advisory-lock proxy manager
-- (io.myuser.ratelimit.PostgresRateLimiter). The key is the budget's key, "scope:hashed subject" (never a raw
-- address or IP); state is Bucket4j's serialized bucket; expires_at is when the bucket is whole again plus a margin,
-- in milliseconds since the epoch; explicit_lock is the key's 64-bit advisory lock id.
-- Concurrency rule: a row is read and written only inside a transaction holding pg_advisory_xact_lock(lock id), and
-- the clean-up deletes only expired rows whose lock it gets (pg_try_advisory_xact_lock), so no row needs a version.
-- One portable script: H2 2.x accepts "bytea" as BINARY VARYING; on H2 (the sample's default database) the table
-- exists but is unused, the store needing PostgreSQL's advisory locks.

create table myuser_rate_limit_bucket (
    id             varchar(255) not null,
    state          bytea        not null,
    expires_at     bigint       not null,
    explicit_lock  bigint       not null,
    constraint pk_myuser_rate_limit_bucket primary key (id)
);
-- The clean-up job looks for expired rows.
create index ix_myuser_rate_limit_bucket_expires_at on myuser_rate_limit_bucket (expires_at);
