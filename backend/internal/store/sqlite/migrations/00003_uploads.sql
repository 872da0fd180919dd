-- +goose Up
-- uploads: the files a user uploaded, for the per-user quota (the Postgres
-- migration 20261126000005_surface.sql adds the same table).
create table uploads (
  id text primary key,
  user_id text not null references users(id) on delete cascade,
  url text not null,
  content_type text not null,
  bytes integer not null check (bytes > 0),
  width integer not null,
  height integer not null,
  created_at text not null default (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
create index uploads_user on uploads (user_id, created_at);
