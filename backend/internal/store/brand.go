package store

import (
	"context"
	"errors"
	"time"

	"github.com/visualadgen/visualadgen/backend/internal/fault"

	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// kitCols is the column list read into scanKit.
const kitCols = `id, user_id, name, logo_url, primary_color, text_color, headline_font, body_font, created_at, updated_at`

// scanKit reads one brand kit row.
func scanKit(r row) (workflow.BrandKit, error) {
	var k workflow.BrandKit
	var created, updated dbTime
	err := r.Scan(&k.ID, &k.UserID, &k.Name, &k.LogoURL, &k.PrimaryColor, &k.TextColor, &k.HeadlineFont, &k.BodyFont, &created, &updated)
	k.CreatedAt, k.UpdatedAt = created.Time, updated.Time
	return k, err
}

// SaveBrandKit inserts k, or updates it when its id is the owner's; an id
// of another user's kit is not found.
func (q *Queries) SaveBrandKit(ctx context.Context, k *workflow.BrandKit) error {
	now := time.Now().UTC().Truncate(time.Microsecond)
	if k.ID == "" {
		k.ID, k.CreatedAt = workflow.NewID(), now
		k.UpdatedAt = now
		_, err := q.q.exec(ctx, `insert into brand_kits (`+kitCols+`) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)`,
			k.ID, k.UserID, k.Name, k.LogoURL, k.PrimaryColor, k.TextColor, k.HeadlineFont, k.BodyFont, q.d.time(now))
		return q.d.mapError("create brand kit", err)
	}
	n, err := q.q.exec(ctx, `update brand_kits set name = $3, logo_url = $4, primary_color = $5, text_color = $6,
		headline_font = $7, body_font = $8, updated_at = $9 where id = $1 and user_id = $2`,
		k.ID, k.UserID, k.Name, k.LogoURL, k.PrimaryColor, k.TextColor, k.HeadlineFont, k.BodyFont, q.d.time(now))
	if err == nil && n == 0 {
		err = errNoRows
	}
	k.UpdatedAt = now
	return q.d.mapError("update brand kit", err)
}

// GetBrandKit reads the user's kit; another user's is not found.
func (q *Queries) GetBrandKit(ctx context.Context, userID, id string) (workflow.BrandKit, error) {
	if !workflow.ValidID(id) {
		return workflow.BrandKit{}, q.d.mapError("get brand kit", errNoRows)
	}
	k, err := scanKit(q.q.queryRow(ctx, `select `+kitCols+` from brand_kits where id = $1 and user_id = $2`, id, userID))
	return k, q.d.mapError("get brand kit", err)
}

// KitToDraw reads owner's kit id to draw with: its logo only if it is
// owner's own upload (a kit written past the API, through Supabase's Data
// API, might name another user's file; such a logo is left out).
func (q *Queries) KitToDraw(ctx context.Context, owner, id string) (workflow.BrandKit, error) {
	kit, err := q.GetBrandKit(ctx, owner, id)
	if err != nil {
		return kit, err
	}
	if kit.LogoURL != nil {
		if _, err := q.UploadOf(ctx, owner, *kit.LogoURL); err != nil {
			kit.LogoURL = nil
		}
	}
	return kit, nil
}

// ListBrandKits lists the user's kits, oldest first.
func (q *Queries) ListBrandKits(ctx context.Context, userID string) ([]workflow.BrandKit, error) {
	rs, err := q.q.query(ctx, `select `+kitCols+` from brand_kits where user_id = $1 order by created_at, id`, userID)
	if err != nil {
		return nil, q.d.mapError("list brand kits", err)
	}
	defer rs.Close()
	out := []workflow.BrandKit{}
	for rs.Next() {
		k, err := scanKit(rs)
		if err != nil {
			return nil, q.d.mapError("list brand kits", err)
		}
		out = append(out, k)
	}
	return out, q.d.mapError("list brand kits", rs.Err())
}

// DeleteBrandKit removes the user's kit.
func (q *Queries) DeleteBrandKit(ctx context.Context, userID, id string) error {
	if !workflow.ValidID(id) {
		return q.d.mapError("delete brand kit", errNoRows)
	}
	n, err := q.q.exec(ctx, `delete from brand_kits where id = $1 and user_id = $2`, id, userID)
	if err == nil && n == 0 {
		err = errNoRows
	}
	return q.d.mapError("delete brand kit", err)
}

// CreateFont records a font a user uploaded.
func (q *Queries) CreateFont(ctx context.Context, f *workflow.Font) error {
	f.CreatedAt = time.Now().UTC().Truncate(time.Microsecond)
	_, err := q.q.exec(ctx, `insert into fonts (id, user_id, name, url, bytes, created_at) values ($1, $2, $3, $4, $5, $6)`,
		f.ID, f.UserID, f.Name, f.URL, f.Bytes, q.d.time(f.CreatedAt))
	return q.d.mapError("create font", err)
}

// ListFonts lists the fonts a user uploaded.
func (q *Queries) ListFonts(ctx context.Context, userID string) ([]workflow.Font, error) {
	rs, err := q.q.query(ctx, `select id, user_id, name, url, bytes, created_at from fonts where user_id = $1 order by created_at, id`, userID)
	if err != nil {
		return nil, q.d.mapError("list fonts", err)
	}
	defer rs.Close()
	out := []workflow.Font{}
	for rs.Next() {
		var f workflow.Font
		var created dbTime
		if err := rs.Scan(&f.ID, &f.UserID, &f.Name, &f.URL, &f.Bytes, &created); err != nil {
			return nil, q.d.mapError("list fonts", err)
		}
		f.CreatedAt = created.Time
		out = append(out, f)
	}
	return out, q.d.mapError("list fonts", rs.Err())
}

// GetFont reads a font by id, for its owner.
func (q *Queries) GetFont(ctx context.Context, userID, id string) (workflow.Font, error) {
	var f workflow.Font
	if !workflow.ValidID(id) {
		return f, q.d.mapError("get font", errNoRows)
	}
	var created dbTime
	err := q.q.queryRow(ctx, `select id, user_id, name, url, bytes, created_at from fonts where id = $1 and user_id = $2`, id, userID).
		Scan(&f.ID, &f.UserID, &f.Name, &f.URL, &f.Bytes, &created)
	f.CreatedAt = created.Time
	return f, q.d.mapError("get font", err)
}

// UploadOf reads the user's upload with url (a logo must be one).
func (q *Queries) UploadOf(ctx context.Context, userID, url string) (Upload, error) {
	var u Upload
	err := q.q.queryRow(ctx, `select id, user_id, url, content_type, bytes, width, height from uploads where user_id = $1 and url = $2`, userID, url).
		Scan(&u.ID, &u.UserID, &u.URL, &u.ContentType, &u.Bytes, &u.Width, &u.Height)
	return u, q.d.mapError("get upload", err)
}

// DeleteFont removes the user's font, unless one of their kits uses it.
func (q *Queries) DeleteFont(ctx context.Context, userID, id string) error {
	if _, err := q.GetFont(ctx, userID, id); err != nil {
		return err
	}
	var kit string
	err := q.q.queryRow(ctx, `select name from brand_kits where user_id = $1 and (headline_font = $2 or body_font = $2) limit 1`, userID, id).Scan(&kit)
	if err == nil {
		return fault.Conflict("the brand kit %q uses this font: choose another font there first", kit)
	}
	if !errors.Is(err, errNoRows) {
		return q.d.mapError("delete font", err)
	}
	_, err = q.q.exec(ctx, `delete from fonts where id = $1 and user_id = $2`, id, userID)
	return q.d.mapError("delete font", err)
}
