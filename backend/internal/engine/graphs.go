package engine

import (
	"context"
	"fmt"
	"sync"

	"github.com/visualadgen/visualadgen/backend/internal/dag"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// graphCacheSize bounds the graphs kept in memory (about a kilobyte each
// for a typical workflow).
const graphCacheSize = 2048

// graphReader reads an execution's graph snapshot (a store or a transaction).
type graphReader interface {
	GraphOf(ctx context.Context, id string) (*workflow.Graph, error)
}

// graphs keeps the ordered graph of recent executions: a run's graph is a
// snapshot that never changes, so each job need not read and order it again.
type graphs struct {
	mu    sync.Mutex
	byID  map[string]*dag.Graph
	order []string // insertion order, for eviction
}

// get returns the ordered graph of execution id, reading it through tx the
// first time.
func (c *graphs) get(ctx context.Context, db graphReader, id string) (*dag.Graph, error) {
	c.mu.Lock()
	g, ok := c.byID[id]
	c.mu.Unlock()
	if ok {
		return g, nil
	}
	snap, err := db.GraphOf(ctx, id)
	if err != nil {
		return nil, err
	}
	if g, err = dag.Build(*snap, nil); err != nil {
		return nil, fmt.Errorf("execution %s: %w", id, err)
	}
	c.put(id, g)
	return g, nil
}

// put remembers g, forgetting the oldest quarter when full.
func (c *graphs) put(id string, g *dag.Graph) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.byID == nil {
		c.byID = map[string]*dag.Graph{}
	}
	if _, ok := c.byID[id]; ok {
		return
	}
	if len(c.order) >= graphCacheSize {
		drop := graphCacheSize / 4
		for _, old := range c.order[:drop] {
			delete(c.byID, old)
		}
		c.order = append([]string(nil), c.order[drop:]...)
	}
	c.byID[id] = g
	c.order = append(c.order, id)
}
