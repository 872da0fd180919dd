-- +goose Up
-- The column and table of the Postgres migration 20261126000014_finals.sql.
alter table generations add column endpoint text;

create table finals (
  id text primary key,
  execution_id text not null references executions(id) on delete cascade,
  node_execution_id text not null references node_executions(id) on delete cascade,
  node_id text references nodes(id) on delete set null,
  position integer not null check (position >= 0),
  placement text,
  ratio text not null,
  width integer not null check (width > 0),
  height integer not null check (height > 0),
  bytes integer not null default 0 check (bytes >= 0),
  crop real not null default 0,
  url text not null,
  source_url text not null default '',
  generation_id text references generations(id) on delete set null,
  model_id text,
  endpoint text,
  prompt text,
  seed integer,
  cost real,
  texts text check (texts is null or json_valid(texts)),
  layout text check (layout is null or json_valid(layout)),
  reused_from text references finals(id) on delete set null,
  created_at text not null default (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  unique (node_execution_id, position)
);
create index finals_execution on finals (execution_id, position);

insert into finals (id, execution_id, node_execution_id, node_id, position, placement, ratio, width, height, bytes, crop,
  url, source_url, layout, created_at)
select lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-8' ||
    substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))),
  ne.execution_id, ne.id, ne.node_id, f.key, nullif(json_extract(f.value, '$.placement'), ''),
  coalesce(json_extract(f.value, '$.ratio'), ''), max(coalesce(json_extract(f.value, '$.width'), 1), 1),
  max(coalesce(json_extract(f.value, '$.height'), 1), 1), coalesce(json_extract(f.value, '$.bytes'), 0),
  coalesce(json_extract(f.value, '$.crop'), 0), json_extract(f.value, '$.url'), coalesce(json_extract(f.value, '$.source'), ''),
  json_extract(f.value, '$.layout'), coalesce(ne.finished_at, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
from node_executions ne, json_each(case when json_valid(ne.output_data) and json_type(ne.output_data, '$.finals') = 'array'
  then json_extract(ne.output_data, '$.finals') else '[]' end) as f
where ne.status = 'COMPLETED' and json_extract(f.value, '$.url') is not null;
