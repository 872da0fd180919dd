package store

import (
	"context"
	"time"
)

// Upload is a file a user uploaded (a product photo, a logo).
type Upload struct {
	ID          string
	UserID      string
	URL         string
	ContentType string
	Bytes       int64
	Width       int
	Height      int
}

// CreateUpload records an upload.
func (q *Queries) CreateUpload(ctx context.Context, u Upload) error {
	_, err := q.q.exec(ctx, `insert into uploads (id, user_id, url, content_type, bytes, width, height, created_at)
		values ($1, $2, $3, $4, $5, $6, $7, $8)`, u.ID, u.UserID, u.URL, u.ContentType, u.Bytes, u.Width, u.Height,
		q.d.time(time.Now()))
	return q.d.mapError("create upload", err)
}

// UploadUsage returns how many files a user uploaded (photos, logos and
// fonts) and their total size: the quota counts them all.
func (q *Queries) UploadUsage(ctx context.Context, userID string) (count int, bytes int64, err error) {
	err = q.q.queryRow(ctx, `select count(*), coalesce(sum(bytes), 0) from
		(select bytes from uploads where user_id = $1 union all select bytes from fonts where user_id = $1) f`, userID).
		Scan(&count, &bytes)
	return count, bytes, q.d.mapError("count uploads", err)
}
