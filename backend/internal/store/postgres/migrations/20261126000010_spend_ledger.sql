-- +goose Up
-- The spend ledger (additive): one row per generation, and one per request
-- FAL accepted whose node then recorded no cost (cancelled, failed, or its
-- server gone: FAL may bill it), charged at what the node reserved. Rows
-- outlive their workflow, so nothing gives back budget that FAL may have
-- billed, and usage keeps what was paid. Budgets and usage read it;
-- generations stay as the brief has them. Only the server reads it (no API
-- role has rights).
-- budget_reservations.model_id: the model a reservation is for, which the
--   ledger names when it is charged.
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
alter table budget_reservations add column model_id text;

insert into spend_ledger (id, user_id, generation_id, execution_id, workflow_id, workflow_name, model_id, images, amount, created_at)
select g.id, w.user_id, g.id, e.id, w.id, w.name, g.model_id, coalesce(array_length(g.image_urls, 1), 0),
       coalesce(g.cost, 0), coalesce(g.created_at, now())
from generations g join executions e on e.id = g.execution_id join workflows w on w.id = e.workflow_id;
