-- +goose Up
-- Additive columns the durable engine needs; nothing of the brief's is changed.
-- executions.graph: the workflow's nodes and edges when the run started, so
--   editing a workflow during a paused run does not change that run.
-- executions.step_mode: set by "step", the run pauses before every node.
alter table executions add column graph jsonb;
alter table executions add column step_mode boolean not null default false;
-- node_executions.queued_at: a job was enqueued for this node (it is PENDING
--   until a worker starts it); node_executions.checkpoint: executor state kept
--   across retries, such as the FAL request id, so a retry never pays twice.
alter table node_executions add column queued_at timestamptz;
alter table node_executions add column checkpoint jsonb;
-- generations.node_id: which image-model node paid for the generation, for
--   per-node costs.
alter table generations add column node_id uuid references nodes(id) on delete set null;
-- Listing a workflow's runs newest first, and a user's workflows.
create index executions_workflow_started on executions (workflow_id, started_at desc);
create index workflows_user on workflows (user_id, created_at desc);
create index nodes_workflow on nodes (workflow_id);
create index edges_workflow on edges (workflow_id);
create index generations_execution on generations (execution_id);
