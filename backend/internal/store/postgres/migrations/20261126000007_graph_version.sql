-- +goose Up
-- workflows.version counts the saves of a workflow's graph (additive): an
-- editor saves with the version it loaded, and a save over a newer version
-- (another tab, another device) is refused instead of silently overwriting.
alter table workflows add column version bigint not null default 1;
