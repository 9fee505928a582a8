-- The durable job engine (db-scheduler 16): one row per pending job execution, and one per recurring job.
-- Columns and indexes are db-scheduler's own (its PostgreSQL reference schema, priority included) under a MyUser
-- name; MyUser configures the scheduler with this table name. One portable script: H2 2.x accepts "bytea" as
-- BINARY VARYING, PostgreSQL as bytea. Names are varchar rather than PostgreSQL's "text", so H2 can index them.
-- db-scheduler writes at most 50 characters to picked_by.

create table myuser_scheduled_tasks (
    task_name             varchar(255)                not null,
    task_instance         varchar(255)                not null,
    task_data             bytea,
    execution_time        timestamp(6) with time zone not null,
    picked                boolean                     not null,
    picked_by             varchar(50),
    last_success          timestamp(6) with time zone,
    last_failure          timestamp(6) with time zone,
    consecutive_failures  integer,
    last_heartbeat        timestamp(6) with time zone,
    version               bigint                      not null,
    priority              smallint,
    constraint pk_myuser_scheduled_tasks primary key (task_name, task_instance)
);
-- Polling for due executions (ordered by priority, then time), and finding executions of dead nodes.
create index ix_myuser_scheduled_tasks_execution_time on myuser_scheduled_tasks (execution_time);
create index ix_myuser_scheduled_tasks_last_heartbeat on myuser_scheduled_tasks (last_heartbeat);
create index ix_myuser_scheduled_tasks_priority on myuser_scheduled_tasks (priority desc, execution_time asc);
