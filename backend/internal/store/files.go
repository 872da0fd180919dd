package store

import (
	"context"
	"errors"
	"time"
)

// File kinds: what a stored object is (stored_files.kind), and what holds it.
const (
	FileUpload     = "upload"     // a photo or logo a user uploaded: held by its uploads row
	FileFont       = "font"       // a font a user uploaded: held by its fonts row
	FileSample     = "sample"     // the starters' sample photo: held by its user, one each
	FileGeneration = "generation" // an image a run generated: held by the run
	FileFinal      = "final"      // a final ad a run delivered: held by the run
	// FileLegacy is a file stored before files had rows, that a workflow
	// still names (the starters' sample photo under its old path): held by
	// its user.
	FileLegacy = "legacy"
)

// quotaKinds are the kinds the upload quota counts, as SQL.
const quotaKinds = `('upload', 'font')`

// HoldRunFile records that the run executionID (its node nodeID) holds the
// object at url, so it is deleted with the run. A run that is gone (its
// workflow was deleted meanwhile) is not found: the caller deletes the
// object it just stored.
func (q *Queries) HoldRunFile(ctx context.Context, executionID, nodeID, url, kind string, bytes int64) error {
	n, err := q.q.exec(ctx, `insert into stored_files (url, user_id, kind, bytes, execution_id, node_id, created_at)
		select $1, w.user_id, $2, $3, e.id, $5, $6 from executions e join workflows w on w.id = e.workflow_id
		where e.id = $4 and not exists (select 1 from stored_files where url = $1 and execution_id = $4)`,
		url, kind, bytes, executionID, nodeID, q.d.time(time.Now()))
	if err == nil && n == 0 {
		var one int
		err = q.q.queryRow(ctx, `select 1 from executions where id = $1`, executionID).Scan(&one)
	}
	return q.d.mapError("get run", err)
}

// ShareFiles records that node execution to, which reused the result of
// node execution from, holds the files that result's node holds: deleting
// the run that made them leaves the run that reused them whole.
func (q *Queries) ShareFiles(ctx context.Context, from, to string) error {
	_, err := q.q.exec(ctx, `insert into stored_files (url, user_id, kind, bytes, execution_id, node_id, created_at)
		select f.url, f.user_id, f.kind, f.bytes, b.execution_id, b.node_id, $3
		from node_executions a
		join stored_files f on f.execution_id = a.execution_id and f.node_id = a.node_id
		join node_executions b on b.id = $2
		where a.id = $1 and not exists (select 1 from stored_files g where g.url = f.url and g.execution_id = b.execution_id)`,
		from, to, q.d.time(time.Now()))
	return q.d.mapError("share files", err)
}

// SampleOf returns the URL of the user's sample photo ("" when none).
func (q *Queries) SampleOf(ctx context.Context, userID string) (string, error) {
	var url string
	err := q.q.queryRow(ctx, `select url from stored_files where user_id = $1 and kind = 'sample'`, userID).Scan(&url)
	if errors.Is(err, errNoRows) {
		return "", nil
	}
	return url, q.d.mapError("get sample photo", err)
}

// AddSample records url as the user's sample photo, unless another was
// recorded meanwhile, and returns the URL the user's sample photo has.
func (q *Queries) AddSample(ctx context.Context, userID, url string, bytes int64) (string, error) {
	_, err := q.q.exec(ctx, `insert into stored_files (url, user_id, kind, bytes, created_at) values ($1, $2, 'sample', $3, $4)
		on conflict do nothing`, url, userID, bytes, q.d.time(time.Now()))
	if err != nil {
		return "", q.d.mapError("record sample photo", err)
	}
	return q.SampleOf(ctx, userID)
}

// recordFile records an uploaded object held by its upload or font row.
func (q *Queries) recordFile(ctx context.Context, url, userID, kind string, bytes int64, uploadID, fontID *string) error {
	_, err := q.q.exec(ctx, `insert into stored_files (url, user_id, kind, bytes, upload_id, font_id, created_at)
		values ($1, $2, $3, $4, $5, $6, $7)`, url, userID, kind, bytes, uploadID, fontID, q.d.time(time.Now()))
	return q.d.mapError("record file", err)
}

// UploadUsage returns how many files a user keeps uploaded (photos, logos
// and fonts) and their bytes in storage: the stored files, and those still
// waiting to be deleted from storage.
func (q *Queries) UploadUsage(ctx context.Context, userID string) (count int, bytes int64, err error) {
	err = q.q.queryRow(ctx, `select count(*), coalesce(sum(bytes), 0) from
		(select bytes from stored_files where user_id = $1 and kind in `+quotaKinds+`
		union all select bytes from `+q.d.fileDeletions()+` where user_id = $1 and kind in `+quotaKinds+`) f`, userID).
		Scan(&count, &bytes)
	return count, bytes, q.d.mapError("count uploads", err)
}

// OutputUsage is the bytes a user's runs keep stored: generated images
// and final ads (a file several runs hold counts once), and those still
// waiting to be deleted.
func (q *Queries) OutputUsage(ctx context.Context, userID string) (int64, error) {
	var bytes int64
	err := q.q.queryRow(ctx, `select coalesce(sum(bytes), 0) from
		(select url, max(bytes) as bytes from stored_files where user_id = $1 and kind in ('generation', 'final') group by url) f`,
		userID).Scan(&bytes)
	return bytes, q.d.mapError("count stored outputs", err)
}
