package engine

import (
	"context"
	"fmt"
	"sync"

	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// planCacheSize bounds the run plans kept in memory (a few kilobytes each
// for a typical workflow).
const planCacheSize = 2048

// graphReader reads an execution's graph snapshot (a store or a transaction).
type graphReader interface {
	GraphOf(ctx context.Context, id string) (*workflow.Graph, error)
}

// plans keeps the compiled plan of recent executions: a run's graph is a
// snapshot that never changes, so each job need not read and compile it
// again.
type plans struct {
	mu    sync.Mutex
	byID  map[string]*Plan
	order []string // insertion order, for eviction
	// compile compiles a run's snapshot (validated when the run started).
	compile func(g workflow.Graph) *Plan
}

// get returns the plan of execution id, reading its graph through db the
// first time.
func (c *plans) get(ctx context.Context, db graphReader, id string) (*Plan, error) {
	c.mu.Lock()
	p, ok := c.byID[id]
	c.mu.Unlock()
	if ok {
		return p, nil
	}
	snap, err := db.GraphOf(ctx, id)
	if err != nil {
		return nil, err
	}
	p = c.compile(*snap)
	if p.shapeErr != nil {
		return nil, fmt.Errorf("execution %s: %w", id, p.shapeErr)
	}
	c.put(id, p)
	return p, nil
}

// put remembers p, forgetting the oldest quarter when full.
func (c *plans) put(id string, p *Plan) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.byID == nil {
		c.byID = map[string]*Plan{}
	}
	if _, ok := c.byID[id]; ok {
		return
	}
	if len(c.order) >= planCacheSize {
		drop := planCacheSize / 4
		for _, old := range c.order[:drop] {
			delete(c.byID, old)
		}
		c.order = append([]string(nil), c.order[drop:]...)
	}
	c.byID[id] = p
	c.order = append(c.order, id)
}
