-- +goose Up
-- The brief's row level security, exactly: enabled on all seven tables.
alter table users enable row level security;
alter table workflows enable row level security;
alter table nodes enable row level security;
alter table edges enable row level security;
alter table executions enable row level security;
alter table node_executions enable row level security;
alter table generations enable row level security;

create policy "Users can view own profile" on users
  for select using (auth.uid() = id);

create policy "Users can update own profile" on users
  for update using (auth.uid() = id);

create policy "Users can CRUD own workflows" on workflows
  for all using (auth.uid() = user_id);

create policy "Users can CRUD nodes of own workflows" on nodes
  for all using (
    workflow_id in (
      select id from workflows where user_id = auth.uid()
    )
  );

create policy "Users can CRUD edges of own workflows" on edges
  for all using (
    workflow_id in (
      select id from workflows where user_id = auth.uid()
    )
  );

create policy "Users can view own executions" on executions
  for select using (
    workflow_id in (
      select id from workflows where user_id = auth.uid()
    )
  );

create policy "Users can view own node executions" on node_executions
  for select using (
    execution_id in (
      select e.id from executions e
      join workflows w on e.workflow_id = w.id
      where w.user_id = auth.uid()
    )
  );

create policy "Users can view own generations" on generations
  for select using (
    execution_id in (
      select e.id from executions e
      join workflows w on e.workflow_id = w.id
      where w.user_id = auth.uid()
    )
  );

-- Supabase grants these to its API roles by default; plain Postgres does not.
-- RLS above still decides which rows each user reaches.
grant usage on schema public to anon, authenticated;
grant select, insert, update, delete on all tables in schema public to anon, authenticated;
