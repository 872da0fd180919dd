-- +goose Up
-- The tables of the Postgres migration 20261126000008_brand_kits.sql, and
-- its node type.
create table fonts (
  id text primary key,
  user_id text not null references users(id) on delete cascade,
  name text not null check (length(name) between 1 and 100),
  url text not null,
  bytes integer not null check (bytes > 0),
  created_at text not null default (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
create index fonts_user on fonts (user_id, created_at);

create table brand_kits (
  id text primary key,
  user_id text not null references users(id) on delete cascade,
  name text not null check (length(name) between 1 and 100),
  logo_url text,
  primary_color text not null check (primary_color glob '#[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'),
  text_color text check (text_color glob '#[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'),
  headline_font text not null,
  body_font text not null,
  created_at text not null default (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at text not null default (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
create index brand_kits_user on brand_kits (user_id, created_at);

insert into node_types (name) values ('AD_LAYOUT');
