package store

import (
	"context"
	"time"

	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// UpsertUser creates the user or refreshes their email, name and avatar
// from a verified identity.
func (q *Queries) UpsertUser(ctx context.Context, u workflow.User) error {
	now := q.d.time(time.Now())
	var budget *float64
	if q.set != nil {
		budget = q.set.newUserBudget
	}
	_, err := q.q.exec(ctx, `insert into users (id, email, name, avatar_url, created_at, updated_at, monthly_budget)
		values ($1, $2, $3, $4, $5, $5, $6)
		on conflict (id) do update set email = excluded.email,
			name = coalesce(excluded.name, users.name),
			avatar_url = coalesce(excluded.avatar_url, users.avatar_url),
			updated_at = excluded.updated_at`,
		u.ID, u.Email, u.Name, u.AvatarURL, now, budget)
	return q.d.mapError("upsert user", err)
}

// GetUser reads one user.
func (q *Queries) GetUser(ctx context.Context, id string) (workflow.User, error) {
	var u workflow.User
	var created, updated dbTime
	err := q.q.queryRow(ctx, `select id, email, name, avatar_url, created_at, updated_at from users where id = $1`, id).
		Scan(&u.ID, &u.Email, &u.Name, &u.AvatarURL, &created, &updated)
	u.CreatedAt, u.UpdatedAt = created.Time, updated.Time
	return u, q.d.mapError("get user", err)
}

// RecordUser creates or refreshes the row of a verified identity. When
// another id holds the email (an identity deleted and created again at the
// provider), that older row keeps its data but gives up the email: the new
// identity must not inherit another identity's workflows, nor be locked out.
func (s *Store) RecordUser(ctx context.Context, u workflow.User) error {
	return s.InTx(ctx, func(tx *Tx) error {
		_, err := tx.q.exec(ctx, `update users set email = email || ' (replaced by ' || $1 || ')', updated_at = $3
			where email = $2 and cast(id as text) <> $1`, u.ID, u.Email, tx.d.time(time.Now()))
		if err != nil {
			return tx.d.mapError("release email", err)
		}
		return tx.UpsertUser(ctx, u)
	})
}
