-- +goose Up
-- The table and column of the Postgres migration 20261126000010_spend_ledger.sql.
create table spend_ledger (
  id text primary key,
  user_id text not null references users(id) on delete cascade,
  generation_id text unique references generations(id) on delete set null,
  execution_id text not null,
  workflow_id text not null,
  workflow_name text not null,
  model_id text not null,
  images integer not null check (images >= 0),
  amount real not null default 0 check (amount >= 0),
  created_at text not null default (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
create index spend_ledger_user on spend_ledger (user_id, created_at);
alter table budget_reservations add column model_id text;

insert into spend_ledger (id, user_id, generation_id, execution_id, workflow_id, workflow_name, model_id, images, amount, created_at)
select g.id, w.user_id, g.id, e.id, w.id, w.name, g.model_id, json_array_length(g.image_urls),
       coalesce(g.cost, 0), g.created_at
from generations g join executions e on e.id = g.execution_id join workflows w on w.id = e.workflow_id;
