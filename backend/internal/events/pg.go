package events

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// channel is the Postgres NOTIFY channel shared by all replicas.
const channel = "visualadgen_events"

// maxPayload keeps a notification under Postgres' 8000-byte limit.
const maxPayload = 7000

// Publisher sends a transaction's events to every subscriber of every
// replica. The engine calls PublishTx inside the transaction and Publish
// after it commits; each publisher sends at the one point its medium allows.
type Publisher interface {
	PublishTx(ctx context.Context, tx any, evs ...Event) error
	Publish(ctx context.Context, evs ...Event)
}

// Local publishes to one process's hub (SQLite: there is one process).
type Local struct{ Hub *Hub }

// PublishTx does nothing: a local hub is told after commit.
func (Local) PublishTx(context.Context, any, ...Event) error { return nil }

// Publish delivers events to the hub.
func (l Local) Publish(_ context.Context, evs ...Event) { l.Hub.Deliver(evs...) }

// Postgres publishes through NOTIFY; every replica's Listen (this one's
// too) delivers them to its hub.
type Postgres struct {
	Pool *pgxpool.Pool
	Log  *slog.Logger
}

// Publish does nothing: the events went out with their transaction.
func (Postgres) Publish(context.Context, ...Event) {}

// PublishTx queues the events as notifications inside tx (a pgx.Tx);
// Postgres delivers them when tx commits and drops them if it rolls back,
// so subscribers never see a change that did not happen, and no extra
// transaction is spent on them.
func (p Postgres) PublishTx(ctx context.Context, tx any, evs ...Event) error {
	ptx, ok := tx.(pgx.Tx)
	if !ok || len(evs) == 0 {
		return nil
	}
	batch := &pgx.Batch{}
	for _, ev := range evs {
		b, _ := json.Marshal(ev)
		if len(b) > maxPayload {
			ev.Output, ev.Truncated = nil, true
			b, _ = json.Marshal(ev)
		}
		batch.Queue("select pg_notify($1, $2)", channel, string(b))
	}
	if err := ptx.SendBatch(ctx, batch).Close(); err != nil {
		return fmt.Errorf("events: notify: %w", err)
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
		var ev Event
		if err := json.Unmarshal([]byte(n.Payload), &ev); err != nil {
			p.Log.Warn("events: bad notification", "err", err)
			continue
		}
		hub.Deliver(ev)
	}
}
