-- +goose Up
-- The tables, trigger and backfill of the Postgres migration
-- 20261126000012_stored_files.sql (every stored object, one row per holder;
-- the objects no row holds any more, queued for the sweeper).
create table stored_files (
  id text primary key default (lower(hex(randomblob(16)))),
  url text not null,
  user_id text not null references users(id) on delete cascade,
  kind text not null check (kind in ('sample', 'legacy', 'upload', 'font', 'generation', 'final')),
  bytes integer not null check (bytes >= 0),
  upload_id text references uploads(id) on delete cascade,
  font_id text references fonts(id) on delete cascade,
  execution_id text references executions(id) on delete cascade,
  node_id text,
  created_at text not null default (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
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

create table file_deletions (
  url text primary key,
  user_id text,
  kind text not null,
  bytes integer not null default 0,
  tries integer not null default 0,
  queued_at text not null default (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
create index file_deletions_user on file_deletions (user_id);

-- SQLite fires row triggers as each row goes (cascades included): the last
-- holder's row finds no other and queues the object.
-- +goose StatementBegin
create trigger stored_files_gone after delete on stored_files
begin
  insert or ignore into file_deletions (url, user_id, kind, bytes)
  select old.url, old.user_id, old.kind, old.bytes
  where not exists (select 1 from stored_files where url = old.url);
end;
-- +goose StatementEnd

insert into stored_files (url, user_id, kind, bytes, upload_id, created_at)
select url, user_id, 'upload', bytes, id, created_at from uploads;
insert into stored_files (url, user_id, kind, bytes, font_id, created_at)
select url, user_id, 'font', bytes, id, created_at from fonts;
insert into stored_files (url, user_id, kind, bytes, execution_id, node_id, created_at)
select u.value, w.user_id, 'generation', 0, g.execution_id, min(g.node_id), coalesce(min(g.created_at), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
from generations g
join executions e on e.id = g.execution_id
join workflows w on w.id = e.workflow_id,
  json_each(g.image_urls) u
where u.type = 'text'
group by u.value, g.execution_id;
insert into stored_files (url, user_id, kind, bytes, execution_id, node_id, created_at)
select json_extract(f.value, '$.url'), w.user_id, 'final',
  max(0, coalesce(max(cast(json_extract(f.value, '$.bytes') as integer)), 0)),
  ne.execution_id, min(ne.node_id), coalesce(min(ne.finished_at), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
from node_executions ne
join executions e on e.id = ne.execution_id
join workflows w on w.id = e.workflow_id,
  json_each(case json_type(ne.output_data, '$.finals') when 'array' then json_extract(ne.output_data, '$.finals') else '[]' end) f
where json_type(f.value, '$.url') = 'text'
  and not exists (select 1 from stored_files s where s.url = json_extract(f.value, '$.url') and s.execution_id = ne.execution_id)
group by json_extract(f.value, '$.url'), ne.execution_id;
insert into stored_files (url, user_id, kind, bytes, execution_id, node_id, created_at)
select s.url, min(s.user_id), min(s.kind), max(s.bytes), ne.execution_id, min(ne.node_id), min(s.created_at)
from node_executions ne, json_tree(ne.output_data) v
join stored_files s on s.url = v.value and s.kind in ('generation', 'final')
where ne.reused_from is not null and ne.output_data is not null and v.type = 'text'
  and not exists (select 1 from stored_files t where t.url = s.url and t.execution_id = ne.execution_id)
group by s.url, ne.execution_id;
insert into stored_files (url, user_id, kind, bytes, created_at)
select json_extract(n.config, '$.image_url'), min(w.user_id), 'legacy', 0, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
from nodes n
join workflows w on w.id = n.workflow_id
where n.type = 'IMAGE_INPUT'
  and json_extract(n.config, '$.image_url') like '%/uploads/' || w.user_id || '/sample-sneaker.png'
group by json_extract(n.config, '$.image_url');
