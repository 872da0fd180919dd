-- +goose Up
-- Outside requests (additive): one row per request a paid node sends to an
-- outside service (FAL), by slot (its place in the node's plan). A node
-- claims slot k by inserting its row (state SUBMITTING) before it sends
-- request k, and saves the service's handle on that row once accepted
-- (SUBMITTED). Rows are only ever inserted or moved forward under
-- compare-and-set, never replaced by an older read, so a request is sent
-- once per slot across replicas, retries and wakes. A cancel reads the
-- SUBMITTED rows of a run and cancels each at the service (CANCELLED); a
-- claim whose sender died before saving the handle ends LOST (the service
-- may have accepted it: it is never sent again). planned_usd is what the
-- request is planned to cost: what the budget charges when the node ends
-- without recording its cost. This replaces node_executions.checkpoint,
-- which the state machine could overwrite from an older read.
create table outside_requests (
  node_execution_id uuid not null references node_executions(id) on delete cascade,
  slot integer not null check (slot >= 0 and slot < 64),
  endpoint text not null,
  state text not null check (state in ('SUBMITTING', 'SUBMITTED', 'CANCELLED', 'LOST')),
  planned_usd numeric(10, 6) check (planned_usd is null or planned_usd >= 0),
  handle jsonb,
  claimed_by text not null,
  claimed_at timestamptz not null default now(),
  ended_at timestamptz,
  answer text,
  primary key (node_execution_id, slot)
);
alter table outside_requests enable row level security;
revoke all on outside_requests from anon, authenticated;

-- The requests saved by earlier versions in node_executions.checkpoint (a
-- list of FAL handles, or one handle) become rows; what they cost was not
-- recorded per request (planned_usd null: the reservation counts).
insert into outside_requests (node_execution_id, slot, endpoint, state, handle, claimed_by, claimed_at)
select ne.id, (h.n - 1)::int, '', 'SUBMITTED', h.value, 'migrated', coalesce(ne.started_at, now())
from node_executions ne
cross join lateral jsonb_array_elements(case jsonb_typeof(ne.checkpoint)
  when 'array' then ne.checkpoint when 'object' then jsonb_build_array(ne.checkpoint) else '[]'::jsonb end)
  with ordinality as h(value, n)
where ne.checkpoint is not null and h.n <= 64;
