package store

import (
	"context"

	"github.com/visualadgen/visualadgen/backend/internal/fault"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// Quota bounds what one user keeps uploaded: photos, logos and fonts
// together, counted from their files in storage (UPLOAD_QUOTA_COUNT,
// UPLOAD_QUOTA_MB).
type Quota struct {
	Files int
	Bytes int64
}

// Room refuses (413) a file of size bytes that would take the user past
// quota. Alone it is a hint (a caller checks before storing anything);
// AddUpload and AddFont check again under the user's lock.
func (q *Queries) Room(ctx context.Context, userID string, size int64, quota Quota) error {
	count, used, err := q.UploadUsage(ctx, userID)
	if err != nil {
		return err
	}
	if count >= quota.Files || used+size > quota.Bytes {
		return fault.TooLarge("your uploads are at their limit (%d files, %d MB): %d files and %d MB are used",
			quota.Files, quota.Bytes>>20, count, (used+(1<<20)-1)>>20)
	}
	return nil
}

// lockUser serializes a user's quota checks: on Postgres it locks the
// user's row until the transaction ends; SQLite has one writer.
func (tx *Tx) lockUser(ctx context.Context, userID string) error {
	if tx.d.forUpdate == "" {
		return nil
	}
	var one int
	err := tx.q.queryRow(ctx, `select 1 from users where id = $1`+tx.d.forUpdate, userID).Scan(&one)
	return tx.d.mapError("get user", err)
}

// AddUpload records an upload and its file when the quota has room for
// it, checked and written in one transaction under the user's lock, so
// uploads at once cannot pass it together.
func (s *Store) AddUpload(ctx context.Context, u Upload, quota Quota) error {
	return s.InTx(ctx, func(tx *Tx) error {
		if err := tx.lockUser(ctx, u.UserID); err != nil {
			return err
		}
		if err := tx.Room(ctx, u.UserID, u.Bytes, quota); err != nil {
			return err
		}
		if err := tx.CreateUpload(ctx, u); err != nil {
			return err
		}
		return tx.recordFile(ctx, u.URL, u.UserID, FileUpload, u.Bytes, &u.ID, nil)
	})
}

// AddFont records an uploaded font and its file as AddUpload does.
func (s *Store) AddFont(ctx context.Context, f *workflow.Font, quota Quota) error {
	return s.InTx(ctx, func(tx *Tx) error {
		if err := tx.lockUser(ctx, f.UserID); err != nil {
			return err
		}
		if err := tx.Room(ctx, f.UserID, f.Bytes, quota); err != nil {
			return err
		}
		if err := tx.CreateFont(ctx, f); err != nil {
			return err
		}
		return tx.recordFile(ctx, f.URL, f.UserID, FileFont, f.Bytes, nil, &f.ID)
	})
}
