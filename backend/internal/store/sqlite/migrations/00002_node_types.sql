-- +goose NO TRANSACTION
-- +goose Up
-- Node types move from a CHECK constraint to a table the nodes refer to, so
-- adding a node type is one insert (the Postgres migrations add the same
-- value to the node_type enum). This is SQLite's documented way to change a
-- constraint: rebuild the table with foreign keys off, then check them.
PRAGMA foreign_keys = OFF;
BEGIN;
create table node_types (name text primary key);
insert into node_types (name) values
  ('TEXT_INPUT'), ('IMAGE_INPUT'), ('SOCIAL_MEDIA'), ('PROMPT'), ('IMAGE_MODEL'), ('OUTPUT');
create table nodes_rebuilt (
  id text primary key,
  workflow_id text not null references workflows(id) on delete cascade,
  type text not null references node_types(name),
  name text not null,
  config text not null default '{}' check (json_valid(config)),
  position_x real not null default 0,
  position_y real not null default 0,
  has_breakpoint integer not null default 0 check (has_breakpoint in (0, 1)),
  created_at text not null default (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at text not null default (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
insert into nodes_rebuilt (id, workflow_id, type, name, config, position_x, position_y, has_breakpoint, created_at, updated_at)
  select id, workflow_id, type, name, config, position_x, position_y, has_breakpoint, created_at, updated_at from nodes;
drop table nodes;
alter table nodes_rebuilt rename to nodes;
create index nodes_workflow on nodes (workflow_id);
COMMIT;
PRAGMA foreign_keys = ON;
