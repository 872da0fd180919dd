-- +goose Up
-- Supabase Realtime streams a table only once it is in this publication. The
-- publication exists on Supabase; on plain Postgres this does nothing.
-- +goose StatementBegin
do $$
begin
  if exists (select 1 from pg_publication where pubname = 'supabase_realtime') then
    alter publication supabase_realtime add table executions, node_executions;
  end if;
end
$$;
-- +goose StatementEnd
