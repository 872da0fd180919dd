-- +goose Up
-- The spend ledger (additive): one row per generation, kept when its
-- workflow is deleted, so deleting a workflow gives back no budget and
-- usage keeps what was paid. Budgets and usage read it; generations stay
-- as the brief has them. Only the server reads it (no API role has rights).
create table spend_ledger (
  id uuid primary key,
  user_id uuid not null references users(id) on delete cascade,
  generation_id uuid unique references generations(id) on delete set null,
  execution_id uuid not null,
  workflow_id uuid not null,
  workflow_name text not null,
  model_id text not null,
  images integer not null check (images >= 0),
  amount numeric(10, 6) not null default 0 check (amount >= 0),
  created_at timestamptz not null default now()
);
create index spend_ledger_user on spend_ledger (user_id, created_at);
alter table spend_ledger enable row level security;
revoke all on spend_ledger from anon, authenticated;

insert into spend_ledger (id, user_id, generation_id, execution_id, workflow_id, workflow_name, model_id, images, amount, created_at)
select g.id, w.user_id, g.id, e.id, w.id, w.name, g.model_id, coalesce(array_length(g.image_urls, 1), 0),
       coalesce(g.cost, 0), g.created_at
from generations g join executions e on e.id = g.execution_id join workflows w on w.id = e.workflow_id;
