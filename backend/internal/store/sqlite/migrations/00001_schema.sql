-- +goose Up
-- The brief's schema in SQLite: uuids as TEXT, jsonb as TEXT checked with
-- json_valid, enums as CHECK constraints, text[] as a JSON array, timestamps
-- as RFC 3339 TEXT in UTC. It includes the additive columns of the Postgres
-- migration 20261126000004_engine_state.sql. Authorization lives in the API.
create table users (
  id text primary key,
  email text unique not null,
  name text,
  avatar_url text,
  created_at text not null default (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at text not null default (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

create table workflows (
  id text primary key,
  user_id text not null references users(id) on delete cascade,
  name text not null,
  description text,
  is_active integer not null default 1 check (is_active in (0, 1)),
  created_at text not null default (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at text not null default (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
create index workflows_user on workflows (user_id, created_at desc);

create table nodes (
  id text primary key,
  workflow_id text not null references workflows(id) on delete cascade,
  type text not null check (type in ('TEXT_INPUT', 'IMAGE_INPUT', 'SOCIAL_MEDIA', 'PROMPT', 'IMAGE_MODEL', 'OUTPUT')),
  name text not null,
  config text not null default '{}' check (json_valid(config)),
  position_x real not null default 0,
  position_y real not null default 0,
  has_breakpoint integer not null default 0 check (has_breakpoint in (0, 1)),
  created_at text not null default (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at text not null default (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
create index nodes_workflow on nodes (workflow_id);

create table edges (
  id text primary key,
  workflow_id text not null references workflows(id) on delete cascade,
  source_node_id text not null references nodes(id) on delete cascade,
  target_node_id text not null references nodes(id) on delete cascade,
  source_handle text,
  target_handle text,
  created_at text not null default (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  unique (source_node_id, target_node_id, source_handle, target_handle)
);
create index edges_workflow on edges (workflow_id);

create table executions (
  id text primary key,
  workflow_id text not null references workflows(id) on delete cascade,
  status text not null default 'PENDING' check (status in ('PENDING', 'RUNNING', 'PAUSED', 'COMPLETED', 'FAILED', 'CANCELLED')),
  total_cost real,
  error_message text,
  started_at text not null default (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  finished_at text,
  graph text check (graph is null or json_valid(graph)),
  step_mode integer not null default 0 check (step_mode in (0, 1))
);
create index executions_workflow_started on executions (workflow_id, started_at desc);

create table node_executions (
  id text primary key,
  execution_id text not null references executions(id) on delete cascade,
  node_id text not null references nodes(id) on delete cascade,
  status text not null default 'PENDING' check (status in ('PENDING', 'RUNNING', 'PAUSED', 'COMPLETED', 'FAILED', 'SKIPPED')),
  input_data text check (input_data is null or json_valid(input_data)),
  output_data text check (output_data is null or json_valid(output_data)),
  error_message text,
  started_at text,
  finished_at text,
  queued_at text,
  checkpoint text check (checkpoint is null or json_valid(checkpoint)),
  unique (execution_id, node_id)
);

create table generations (
  id text primary key,
  execution_id text not null references executions(id) on delete cascade,
  model_id text not null,
  prompt text not null,
  parameters text not null default '{}' check (json_valid(parameters)),
  image_urls text not null check (json_valid(image_urls) and json_type(image_urls) = 'array'),
  aspect_ratio text not null,
  cost real,
  created_at text not null default (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  node_id text references nodes(id) on delete set null
);
create index generations_execution on generations (execution_id);
