-- GDPR processing.
-- At most one open request per user and type: open_key holds "<user id>:<type>" while a request is PENDING or
-- PROCESSING and is cleared when it ends, so the unique index refuses a second open request even when two arrive
-- at once (NULLs are distinct on both databases).
alter table myuser_data_request add column open_key varchar(64);
create unique index ux_myuser_data_request_open_key on myuser_data_request (open_key);
-- The language of the emails a request causes (export ready, deletion confirmation), taken from the request.
alter table myuser_data_request add column language_tag varchar(35) default 'en' not null;
