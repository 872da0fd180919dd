-- +goose Up
-- What the engine needs so every run ends (additive; nothing of the brief's changes):
-- node_executions.rescues: how often the node's job was taken over from a
--   process that died while running it; the second time the node fails
--   instead of being retried (a node that kills its process must not loop).
-- node_executions.pending_result: a result the executor produced but that
--   could not be recorded; a retried job records it instead of running the
--   executor again.
alter table node_executions add column rescues integer not null default 0;
alter table node_executions add column pending_result jsonb;
-- The reconciler looks at running executions only.
create index executions_running on executions (started_at) where status = 'RUNNING';
