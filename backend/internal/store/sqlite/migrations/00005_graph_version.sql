-- +goose Up
-- The column of the Postgres migration 20261126000007_graph_version.sql.
alter table workflows add column version integer not null default 1;
