-- The host's second migration. The host's history (flyway_schema_history) holds only the host's versions, V1 and
-- V2; MyUser migrates its own tables first, with a history of its own (myuser_schema_history).
create index ix_sample_note_created on sample_note (created_at);
