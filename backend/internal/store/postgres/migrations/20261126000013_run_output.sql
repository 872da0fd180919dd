-- +goose Up
-- What a run delivered (additive): the final ads its Outputs wrote and their
-- bytes, counted as they are written, so a run cannot pass the server's
-- MAX_FINALS_PER_RUN and MAX_RUN_MB however its graph was written.
alter table executions add column finals_written integer not null default 0 check (finals_written >= 0);
alter table executions add column bytes_written bigint not null default 0 check (bytes_written >= 0);
