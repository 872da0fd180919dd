-- +goose Up
-- Finals as records (additive): every final ad a run delivers is a row with
-- an id, so it can be listed, exported, compared, approved and shared. It
-- records its run, node and node execution, its place among the node's
-- finals, its placement (or ratio), pixel size, bytes and file; the
-- generation it came from (model, FAL endpoint, rendered prompt, seed, and
-- its share of that generation's cost); the texts drawn on it; and, for a
-- run that reused an earlier Output's result, the final it reused. The
-- brief's node output (final_images) stays as it is.
-- generations.endpoint: the FAL endpoint a generation asked (the model's own,
-- or its image-to-image endpoint), for the finals' records.
alter table generations add column endpoint text;

create table finals (
  id uuid primary key,
  execution_id uuid not null references executions(id) on delete cascade,
  node_execution_id uuid not null references node_executions(id) on delete cascade,
  node_id uuid references nodes(id) on delete set null,
  position integer not null check (position >= 0),
  placement text,
  ratio text not null,
  width integer not null check (width > 0),
  height integer not null check (height > 0),
  bytes bigint not null default 0 check (bytes >= 0),
  crop numeric(6, 4) not null default 0,
  url text not null,
  source_url text not null default '',
  generation_id uuid references generations(id) on delete set null,
  model_id text,
  endpoint text,
  prompt text,
  seed bigint,
  cost numeric(10, 6),
  texts jsonb,
  layout jsonb,
  reused_from uuid references finals(id) on delete set null,
  created_at timestamptz not null default now(),
  unique (node_execution_id, position)
);
create index finals_execution on finals (execution_id, position);

alter table finals enable row level security;
create policy "Users can view own finals" on finals
  for select using (
    execution_id in (
      select e.id from executions e
      join workflows w on e.workflow_id = w.id
      where w.user_id = auth.uid()
    )
  );
revoke all on finals from anon, authenticated;
grant select on finals to authenticated;

-- The finals Outputs delivered before this migration, from their results
-- (what made them is not known here: their generation is left empty).
insert into finals (id, execution_id, node_execution_id, node_id, position, placement, ratio, width, height, bytes, crop,
  url, source_url, layout, created_at)
select gen_random_uuid(), ne.execution_id, ne.id, ne.node_id, (f.n - 1)::int, nullif(f.value->>'placement', ''),
  coalesce(f.value->>'ratio', ''), greatest((f.value->>'width')::int, 1), greatest((f.value->>'height')::int, 1),
  coalesce((f.value->>'bytes')::bigint, 0), coalesce((f.value->>'crop')::numeric, 0), f.value->>'url',
  coalesce(f.value->>'source', ''), f.value->'layout', coalesce(ne.finished_at, now())
from node_executions ne
cross join lateral jsonb_array_elements(case jsonb_typeof(ne.output_data->'finals') when 'array' then ne.output_data->'finals' else '[]'::jsonb end)
  with ordinality as f(value, n)
where ne.status = 'COMPLETED' and f.value->>'url' is not null;
