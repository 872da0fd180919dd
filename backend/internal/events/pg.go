package events

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/visualadgen/visualadgen/backend/internal/store"
)

// channel is the Postgres NOTIFY channel shared by all replicas.
const channel = "visualadgen_events"

// Publisher sends a transaction's events to every subscriber of every
// replica once the transaction commits, and never if it rolls back.
type Publisher interface {
	Publish(ctx context.Context, tx *store.Tx, evs ...Event) error
	// Announce sends events that belong to no transaction (progress
	// reports) at once.
	Announce(ctx context.Context, evs ...Event) error
}

// Local publishes to one process's hub (SQLite: there is one process).
type Local struct{ Hub *Hub }

// Publish delivers the events to the hub when tx commits.
func (l Local) Publish(_ context.Context, tx *store.Tx, evs ...Event) error {
	if len(evs) > 0 {
		tx.OnCommit(func() { l.Hub.Deliver(evs...) })
	}
	return nil
}

// Announce delivers the events to the hub at once.
func (l Local) Announce(_ context.Context, evs ...Event) error {
	l.Hub.Deliver(evs...)
	return nil
}

// Postgres publishes through NOTIFY; every replica's Listen (this one's
// too) delivers them to its hub.
type Postgres struct {
	Pool *pgxpool.Pool
	Log  *slog.Logger
}

// maxPayload keeps a notification under Postgres' 8000-byte limit.
const maxPayload = 7500

// Publish queues the events as notifications inside tx; Postgres delivers
// them when tx commits and drops them if it rolls back, so subscribers never
// see a change that did not happen, and no extra transaction is spent. A
// transaction's events go as one notification (a JSON array; more only when
// they pass the size limit): each NOTIFY costs at commit, under a lock all
// committers share. An event carries ids, statuses and the cost, never
// unbounded text: receivers read the rest.
func (p Postgres) Publish(ctx context.Context, tx *store.Tx, evs ...Event) error {
	var payloads []string
	var cur []byte
	for _, ev := range evs {
		b, _ := json.Marshal(ev.Slim())
		if len(cur) > 0 && len(cur)+len(b)+2 > maxPayload {
			payloads = append(payloads, string(append(cur, ']')))
			cur = nil
		}
		if len(cur) == 0 {
			cur = append(cur, '[')
		} else {
			cur = append(cur, ',')
		}
		cur = append(cur, b...)
	}
	if len(cur) > 0 {
		payloads = append(payloads, string(append(cur, ']')))
	}
	if err := tx.Notify(ctx, channel, payloads...); err != nil {
		return fmt.Errorf("events: %w", err)
	}
	return nil
}

// Announce sends the events as one notification outside any transaction.
func (p Postgres) Announce(ctx context.Context, evs ...Event) error {
	slim := make([]Event, len(evs))
	for i, ev := range evs {
		slim[i] = ev.Slim()
	}
	b, _ := json.Marshal(slim)
	if len(b) > maxPayload {
		return fmt.Errorf("events: an announcement of %d bytes is over the limit", len(b))
	}
	if _, err := p.Pool.Exec(ctx, `select pg_notify($1, $2)`, channel, string(b)); err != nil {
		return fmt.Errorf("events: %w", err)
	}
	return nil
}

// Listen delivers every replica's notifications to hub until ctx ends,
// reconnecting after a lost connection.
func (p Postgres) Listen(ctx context.Context, hub *Hub, ready chan<- struct{}) {
	for ctx.Err() == nil {
		err := p.listenOnce(ctx, hub, ready)
		ready = nil
		if ctx.Err() != nil {
			return
		}
		p.Log.Warn("events: listener lost its connection, reconnecting", "err", err)
		select {
		case <-ctx.Done():
		case <-time.After(time.Second):
		}
	}
}

// listenOnce holds one connection and forwards notifications.
func (p Postgres) listenOnce(ctx context.Context, hub *Hub, ready chan<- struct{}) error {
	conn, err := p.Pool.Acquire(ctx)
	if err != nil {
		return err
	}
	defer conn.Release()
	if _, err := conn.Exec(ctx, "listen "+channel); err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	if ready != nil {
		close(ready)
	}
	for {
		n, err := conn.Conn().WaitForNotification(ctx)
		if err != nil {
			// The connection may be mid-wait; never return it to the pool.
			_ = conn.Conn().Close(context.Background())
			return err
		}
		var evs []Event
		if err := json.Unmarshal([]byte(n.Payload), &evs); err != nil {
			p.Log.Warn("events: bad notification", "err", err)
			continue
		}
		hub.Deliver(evs...)
	}
}
