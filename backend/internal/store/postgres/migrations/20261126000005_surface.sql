-- +goose Up
-- What the API roles may touch, table by table (never "all tables"): the
-- brief's policies decide rows; these grants decide tables and verbs. anon
-- (no signed-in user) gets nothing: every policy needs auth.uid(). Supabase
-- grants its API roles everything on new tables in public by default, so
-- every table we add must be revoked and granted explicitly, as here.
revoke all on users, workflows, nodes, edges, executions, node_executions, generations from anon, authenticated;
grant select, update on users to authenticated;
grant select, insert, update, delete on workflows, nodes, edges to authenticated;
grant select on executions, node_executions, generations to authenticated;

-- uploads: the product photos and logos a user uploaded, for the per-user
-- quota (count and bytes) and for showing a user their own files.
create table uploads (
  id uuid primary key,
  user_id uuid not null references users(id) on delete cascade,
  url text not null,
  content_type text not null,
  bytes bigint not null check (bytes > 0),
  width integer not null,
  height integer not null,
  created_at timestamptz not null default now()
);
create index uploads_user on uploads (user_id, created_at);
alter table uploads enable row level security;
create policy "Users can view own uploads" on uploads
  for select using (auth.uid() = user_id);
revoke all on uploads from anon, authenticated;
grant select on uploads to authenticated;
