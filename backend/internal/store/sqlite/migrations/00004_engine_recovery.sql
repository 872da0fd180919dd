-- +goose Up
-- The columns of the Postgres migration 20261126000006_engine_recovery.sql.
alter table node_executions add column rescues integer not null default 0;
alter table node_executions add column pending_result text check (pending_result is null or json_valid(pending_result));
create index executions_running on executions (started_at) where status = 'RUNNING';
