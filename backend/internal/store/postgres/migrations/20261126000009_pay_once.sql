-- +goose Up
-- Pay once (additive):
-- node_executions.signature: what the node computed from (type, config,
--   inputs); a later node with the same signature, of the same user, reuses
--   the output instead of paying again.
-- node_executions.reused_from: the node execution whose output was reused.
-- executions.options: how the run was asked for (fresh, until).
-- users.monthly_budget: the most a user may spend in a calendar month (UTC).
-- budget_reservations: what running nodes have set aside from that budget
--   before paying an outside service; settled when the node ends.
alter table node_executions add column signature text;
alter table node_executions add column reused_from uuid references node_executions(id) on delete set null;
create index node_executions_signature on node_executions (signature, finished_at) where status = 'COMPLETED';
alter table executions add column options jsonb;
alter table users add column monthly_budget numeric(10, 2) check (monthly_budget is null or monthly_budget >= 0);

create table budget_reservations (
  id uuid primary key,
  user_id uuid not null references users(id) on delete cascade,
  node_execution_id uuid not null unique references node_executions(id) on delete cascade,
  amount numeric(10, 6) not null check (amount >= 0),
  created_at timestamptz not null default now()
);
create index budget_reservations_user on budget_reservations (user_id);
alter table budget_reservations enable row level security;
revoke all on budget_reservations from anon, authenticated;
