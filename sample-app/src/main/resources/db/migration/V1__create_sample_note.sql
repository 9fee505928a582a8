-- The host application's own migration, beside MyUser's (which Flyway finds in classpath:db/myuser/migration).
create table sample_note (
    id          uuid                        not null,
    owner_id    uuid                        not null,
    text        varchar(1000)               not null,
    created_at  timestamp(6) with time zone not null,
    constraint pk_sample_note primary key (id),
    constraint fk_sample_note_owner foreign key (owner_id) references myuser_user (id)
);
create index ix_sample_note_owner on sample_note (owner_id, created_at);
