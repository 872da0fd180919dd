-- +goose Up
-- The columns of the Postgres migration 20261126000013_run_output.sql.
alter table executions add column finals_written integer not null default 0 check (finals_written >= 0);
alter table executions add column bytes_written integer not null default 0 check (bytes_written >= 0);
