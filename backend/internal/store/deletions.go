package store

import (
	"context"
)

// fileDeletions is the queue of objects to delete from storage; on
// Postgres it lives out of the Data API's reach.
func (d dialect) fileDeletions() string {
	if d.name == "sqlite" {
		return "file_deletions"
	}
	return "visualadgen_private.file_deletions"
}

// QueuedDeletions lists up to n objects queued for deletion from storage
// (no row holds them any more), the fewest tries first, then the oldest.
func (q *Queries) QueuedDeletions(ctx context.Context, n int) ([]string, error) {
	rs, err := q.q.query(ctx, `select url from `+q.d.fileDeletions()+` order by tries, queued_at, url limit $1`, n)
	if err != nil {
		return nil, q.d.mapError("list file deletions", err)
	}
	defer rs.Close()
	var out []string
	for rs.Next() {
		var u string
		if err := rs.Scan(&u); err != nil {
			return nil, q.d.mapError("list file deletions", err)
		}
		out = append(out, u)
	}
	return out, q.d.mapError("list file deletions", rs.Err())
}

// HeldAgain returns which of urls a row holds again (recorded since they
// were queued): those must stay in storage.
func (q *Queries) HeldAgain(ctx context.Context, urls []string) (map[string]bool, error) {
	rs, err := q.q.query(ctx, `select distinct url from stored_files where url in (`+q.d.jsonTexts("$1")+`)`, encodeStrings(urls))
	if err != nil {
		return nil, q.d.mapError("check file deletions", err)
	}
	defer rs.Close()
	out := map[string]bool{}
	for rs.Next() {
		var u string
		if err := rs.Scan(&u); err != nil {
			return nil, q.d.mapError("check file deletions", err)
		}
		out[u] = true
	}
	return out, q.d.mapError("check file deletions", rs.Err())
}

// Dequeue takes urls off the deletion queue (storage deleted them, or a
// row holds them again).
func (q *Queries) Dequeue(ctx context.Context, urls []string) error {
	_, err := q.q.exec(ctx, `delete from `+q.d.fileDeletions()+` where url in (`+q.d.jsonTexts("$1")+`)`, encodeStrings(urls))
	return q.d.mapError("dequeue file deletions", err)
}

// DeletionFailed counts a failed try at deleting urls from storage: they
// go behind the others, so one that keeps failing blocks none.
func (q *Queries) DeletionFailed(ctx context.Context, urls []string) error {
	_, err := q.q.exec(ctx, `update `+q.d.fileDeletions()+` set tries = tries + 1 where url in (`+q.d.jsonTexts("$1")+`)`, encodeStrings(urls))
	return q.d.mapError("count file deletion", err)
}

// RecordedFiles calls fn with every URL a row records or the deletion queue
// names, with its kind, until fn returns false.
func (q *Queries) RecordedFiles(ctx context.Context, fn func(url, kind string) bool) error {
	rs, err := q.q.query(ctx, `select url, cast(kind as text) from stored_files
		union select url, kind from `+q.d.fileDeletions())
	if err != nil {
		return q.d.mapError("list stored files", err)
	}
	defer rs.Close()
	for rs.Next() {
		var u, kind string
		if err := rs.Scan(&u, &kind); err != nil {
			return q.d.mapError("list stored files", err)
		}
		if !fn(u, kind) {
			break
		}
	}
	return q.d.mapError("list stored files", rs.Err())
}
