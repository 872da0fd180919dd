-- +goose Up
-- The table of the Postgres migration 20261126000011_outside_requests.sql
-- (one row per outside request of a paid node, claimed before it is sent).
create table outside_requests (
  node_execution_id text not null references node_executions(id) on delete cascade,
  slot integer not null check (slot >= 0 and slot < 64),
  endpoint text not null,
  state text not null check (state in ('SUBMITTING', 'SUBMITTED', 'CANCELLED', 'LOST')),
  planned_usd real check (planned_usd is null or planned_usd >= 0),
  handle text check (handle is null or json_valid(handle)),
  claimed_by text not null,
  claimed_at text not null default (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ended_at text,
  answer text,
  primary key (node_execution_id, slot)
);

insert into outside_requests (node_execution_id, slot, endpoint, state, handle, claimed_by, claimed_at)
select ne.id, h.key, '', 'SUBMITTED', h.value, 'migrated', coalesce(ne.started_at, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
from node_executions ne,
  json_each(case json_type(ne.checkpoint) when 'array' then ne.checkpoint when 'object' then json_array(json(ne.checkpoint)) else '[]' end) as h
where ne.checkpoint is not null and h.key < 64;
