-- +goose Up
-- Stored files (additive): files follow their rows.
-- stored_files: every object the backend keeps in storage (blob.Store), one
--   row per holder: its URL, its owner, what it is, its size, and what holds
--   it: an upload, a font, a run (the images it generated and its finals; a
--   run that reused another's output holds those files too), or only its
--   owner (the starters' sample photo; a "legacy" file stored before this
--   table, which a workflow still names). A row goes with its holder
--   (the foreign keys cascade).
-- visualadgen_private.file_deletions: the objects no row holds any more,
--   queued by the trigger below whatever deleted the last row (the API, a
--   cascade, the Data API); the backend's sweeper deletes them from storage,
--   then from here. It keeps the owner without a foreign key (it outlives
--   them), so the upload quota counts a file until storage has deleted it.
create schema if not exists visualadgen_private;
revoke all on schema visualadgen_private from public;

-- 'sample' first: a row that names no holder is a valid row of that kind.
create type stored_file_kind as enum ('sample', 'legacy', 'upload', 'font', 'generation', 'final');
create table stored_files (
  id uuid primary key default gen_random_uuid(),
  url text not null,
  user_id uuid not null references users(id) on delete cascade,
  kind stored_file_kind not null,
  bytes bigint not null check (bytes >= 0),
  upload_id uuid references uploads(id) on delete cascade,
  font_id uuid references fonts(id) on delete cascade,
  execution_id uuid references executions(id) on delete cascade,
  node_id uuid,
  created_at timestamptz not null default now(),
  check ((kind = 'upload') = (upload_id is not null)),
  check ((kind = 'font') = (font_id is not null)),
  check ((kind in ('generation', 'final')) = (execution_id is not null))
);
create index stored_files_url on stored_files (url);
create index stored_files_user on stored_files (user_id, kind);
create index stored_files_upload on stored_files (upload_id) where upload_id is not null;
create index stored_files_font on stored_files (font_id) where font_id is not null;
create index stored_files_execution on stored_files (execution_id, node_id) where execution_id is not null;
create unique index stored_files_one_sample on stored_files (user_id) where kind = 'sample';
alter table stored_files enable row level security;
revoke all on stored_files from anon, authenticated;

create table visualadgen_private.file_deletions (
  url text primary key,
  user_id uuid,
  kind text not null,
  bytes bigint not null default 0,
  tries integer not null default 0,
  queued_at timestamptz not null default now()
);
create index file_deletions_user on visualadgen_private.file_deletions (user_id);
alter table visualadgen_private.file_deletions enable row level security;
revoke all on visualadgen_private.file_deletions from anon, authenticated;

-- After-row triggers fire once the deleting statement is done, so the last
-- holder's row finds no other and queues the object. security definer: a
-- cascade from the Data API runs as the caller, who has no right here.
-- +goose StatementBegin
create function visualadgen_private.stored_file_gone() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if not exists (select 1 from public.stored_files where url = old.url) then
    insert into visualadgen_private.file_deletions (url, user_id, kind, bytes)
    values (old.url, old.user_id, old.kind::text, old.bytes)
    on conflict (url) do nothing;
  end if;
  return null;
end
$$;
-- +goose StatementEnd
revoke all on function visualadgen_private.stored_file_gone() from public;
create trigger stored_files_gone after delete on stored_files
  for each row execute function visualadgen_private.stored_file_gone();

-- Backfill: what the rows name today.
insert into stored_files (url, user_id, kind, bytes, upload_id, created_at)
select url, user_id, 'upload', bytes, id, created_at from uploads;
insert into stored_files (url, user_id, kind, bytes, font_id, created_at)
select url, user_id, 'font', bytes, id, created_at from fonts;
-- A run's generated images (their size was not recorded: 0).
insert into stored_files (url, user_id, kind, bytes, execution_id, node_id, created_at)
select distinct on (u.url, g.execution_id) u.url, w.user_id, 'generation', 0, g.execution_id, g.node_id, coalesce(g.created_at, now())
from generations g
join executions e on e.id = g.execution_id
join workflows w on w.id = e.workflow_id
cross join lateral unnest(g.image_urls) as u(url);
-- A run's finals, from its Outputs' results (a final that is a generated
-- image unchanged is that image's file).
insert into stored_files (url, user_id, kind, bytes, execution_id, node_id, created_at)
select distinct on (f->>'url', ne.execution_id) f->>'url', w.user_id, 'final',
  case jsonb_typeof(f->'bytes') when 'number' then greatest((f->>'bytes')::numeric, 0)::bigint else 0 end,
  ne.execution_id, ne.node_id, coalesce(ne.finished_at, now())
from node_executions ne
join executions e on e.id = ne.execution_id
join workflows w on w.id = e.workflow_id
cross join lateral jsonb_array_elements(case jsonb_typeof(ne.output_data->'finals')
  when 'array' then ne.output_data->'finals' else '[]'::jsonb end) f
where jsonb_typeof(f->'url') = 'string'
  and not exists (select 1 from stored_files s where s.url = f->>'url' and s.execution_id = ne.execution_id);
-- A run that reused another's result holds the files that result names.
insert into stored_files (url, user_id, kind, bytes, execution_id, node_id, created_at)
select distinct on (s.url, ne.execution_id) s.url, s.user_id, s.kind, s.bytes, ne.execution_id, ne.node_id, s.created_at
from node_executions ne
cross join lateral jsonb_path_query(ne.output_data, 'strict $.**') v
join stored_files s on s.url = v #>> '{}' and s.kind in ('generation', 'final')
where ne.reused_from is not null and jsonb_typeof(v) = 'string'
  and not exists (select 1 from stored_files t where t.url = s.url and t.execution_id = ne.execution_id);
-- The starters' sample photo was stored once per user under a path naming
-- them; the workflows that name it keep it while its user is.
insert into stored_files (url, user_id, kind, bytes, created_at)
select distinct on (n.config->>'image_url') n.config->>'image_url', w.user_id, 'legacy', 0, now()
from nodes n
join workflows w on w.id = n.workflow_id
where n.type::text = 'IMAGE_INPUT'
  and n.config->>'image_url' like '%/uploads/' || w.user_id::text || '/sample-sneaker.png';
