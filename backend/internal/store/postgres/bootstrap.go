package postgres

import (
	"io/fs"
)

// bootstrapSQL creates on a plain Postgres what a Supabase project provides:
// the API roles and auth.uid(), which reads the "sub" claim of the request's
// JWT the way Supabase's does. It is idempotent and never run on Supabase.
const bootstrapSQL = `
-- Roles belong to the whole cluster: two databases bootstrapping at once
-- (tests, or replicas on a fresh cluster) can race to create one, so a
-- role that appears meanwhile is fine.
do $$
declare
  r record;
begin
  for r in select * from (values ('anon', ''), ('authenticated', ''), ('service_role', ' bypassrls')) as v(name, extra) loop
    if not exists (select 1 from pg_roles where rolname = r.name) then
      begin
        execute format('create role %I nologin noinherit', r.name) || r.extra;
      exception when duplicate_object or unique_violation then
        null;
      end;
    end if;
  end loop;
end
$$;
create schema if not exists auth;
grant usage on schema auth to anon, authenticated, service_role;
-- Supabase grants its API roles everything on tables later created in
-- public; so does this bootstrap, so tests see what a project would.
alter default privileges in schema public grant all on tables to anon, authenticated, service_role;
create or replace function auth.uid() returns uuid language sql stable as $fn$
  select coalesce(
    nullif(current_setting('request.jwt.claim.sub', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub')
  )::uuid
$fn$;
`

// privateSQL keeps the migrations' bookkeeping where the API roles cannot
// reach it (on Supabase, public is served by the Data API): its own schema
// with no grants. A table goose made in public before is moved there.
const privateSQL = `
create schema if not exists visualadgen_private;
revoke all on schema visualadgen_private from public;
do $$
begin
  if to_regclass('public.visualadgen_schema_version') is not null
     and to_regclass('visualadgen_private.schema_version') is null then
    alter table public.visualadgen_schema_version set schema visualadgen_private;
    alter table visualadgen_private.visualadgen_schema_version rename to schema_version;
  end if;
end
$$;
`

// versionTable is where goose records the applied migrations.
const versionTable = "visualadgen_private.schema_version"

// mustSub returns the embedded migrations folder as goose expects it.
func mustSub() fs.FS {
	sub, err := fs.Sub(migrations, "migrations")
	if err != nil {
		panic(err) // the folder is embedded at build time
	}
	return sub
}
