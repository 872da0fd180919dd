package store

import (
	"context"
	"errors"
	"time"

	"github.com/visualadgen/visualadgen/backend/internal/fault"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
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

// DeleteUpload removes the user's upload (its file goes with it), unless
// one of their brand kits shows it as its logo.
func (q *Queries) DeleteUpload(ctx context.Context, userID, id string) error {
	if !workflow.ValidID(id) {
		return q.d.mapError("delete upload", errNoRows)
	}
	var url string
	if err := q.q.queryRow(ctx, `select url from uploads where id = $1 and user_id = $2`, id, userID).Scan(&url); err != nil {
		return q.d.mapError("delete upload", err)
	}
	var kit string
	err := q.q.queryRow(ctx, `select name from brand_kits where user_id = $1 and logo_url = $2 limit 1`, userID, url).Scan(&kit)
	if err == nil {
		return fault.Conflict("the brand kit %q shows this image as its logo: choose another logo there first", kit)
	}
	if !errors.Is(err, errNoRows) {
		return q.d.mapError("delete upload", err)
	}
	_, err = q.q.exec(ctx, `delete from uploads where id = $1 and user_id = $2`, id, userID)
	return q.d.mapError("delete upload", err)
}
