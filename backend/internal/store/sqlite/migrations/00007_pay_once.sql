-- +goose Up
-- The columns and table of the Postgres migration 20261126000009_pay_once.sql.
alter table node_executions add column signature text;
alter table node_executions add column reused_from text references node_executions(id) on delete set null;
create index node_executions_signature on node_executions (signature, finished_at) where status = 'COMPLETED';
alter table executions add column options text check (options is null or json_valid(options));
alter table users add column monthly_budget real check (monthly_budget is null or monthly_budget >= 0);

create table budget_reservations (
  id text primary key,
  user_id text not null references users(id) on delete cascade,
  node_execution_id text not null unique references node_executions(id) on delete cascade,
  amount real not null check (amount >= 0),
  created_at text not null default (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
create index budget_reservations_user on budget_reservations (user_id);
