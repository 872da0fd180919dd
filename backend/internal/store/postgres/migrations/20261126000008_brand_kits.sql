-- +goose Up
-- Brand kits: a user's logo, colours and fonts, which AD_LAYOUT nodes lay
-- an ad's words out with; and the fonts a user uploaded (TTF/OTF, parsed
-- before they are stored). Owned like workflows: RLS lets a signed-in user
-- reach only their own rows, and grants name the table and verbs.
create table fonts (
  id uuid primary key,
  user_id uuid not null references users(id) on delete cascade,
  name text not null check (char_length(name) between 1 and 100),
  url text not null,
  bytes bigint not null check (bytes > 0),
  created_at timestamptz not null default now()
);
create index fonts_user on fonts (user_id, created_at);
alter table fonts enable row level security;
create policy "Users can view own fonts" on fonts
  for select using (auth.uid() = user_id);
revoke all on fonts from anon, authenticated;
grant select on fonts to authenticated;

create table brand_kits (
  id uuid primary key,
  user_id uuid not null references users(id) on delete cascade,
  name text not null check (char_length(name) between 1 and 100),
  logo_url text,
  primary_color text not null check (primary_color ~ '^#[0-9a-f]{6}$'),
  text_color text check (text_color ~ '^#[0-9a-f]{6}$'),
  headline_font text not null,
  body_font text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index brand_kits_user on brand_kits (user_id, created_at);
alter table brand_kits enable row level security;
create policy "Users can CRUD own brand kits" on brand_kits
  for all using (auth.uid() = user_id);
revoke all on brand_kits from anon, authenticated;
grant select, insert, update, delete on brand_kits to authenticated;

-- The seventh node type: an ad's headline, subline, call to action and brand.
alter type node_type add value 'AD_LAYOUT';
