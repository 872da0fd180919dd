package store

import (
	"context"
	"fmt"
	"time"

	"github.com/visualadgen/visualadgen/backend/internal/fault"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// graph reads a workflow's nodes and edges in creation order.
func (q *Queries) graph(ctx context.Context, workflowID string) (workflow.Graph, error) {
	g := workflow.Graph{Nodes: []workflow.Node{}, Edges: []workflow.Edge{}}
	rs, err := q.q.query(ctx, `select id, workflow_id, type, name, config, position_x, position_y,
		has_breakpoint, created_at, updated_at from nodes where workflow_id = $1 order by created_at, id`, workflowID)
	if err != nil {
		return g, q.d.mapError("read nodes", err)
	}
	for rs.Next() {
		var n workflow.Node
		var cfg jsonCol
		var created, updated dbTime
		if err := rs.Scan(&n.ID, &n.WorkflowID, &n.Type, &n.Name, &cfg, &n.PositionX, &n.PositionY,
			&n.HasBreakpoint, &created, &updated); err != nil {
			rs.Close()
			return g, q.d.mapError("read nodes", err)
		}
		n.Config, n.CreatedAt, n.UpdatedAt = orEmptyObject(cfg.Raw), created.Time, updated.Time
		g.Nodes = append(g.Nodes, n)
	}
	rs.Close()
	if err := rs.Err(); err != nil {
		return g, q.d.mapError("read nodes", err)
	}
	rs, err = q.q.query(ctx, `select id, workflow_id, source_node_id, target_node_id, source_handle,
		target_handle, created_at from edges where workflow_id = $1 order by created_at, id`, workflowID)
	if err != nil {
		return g, q.d.mapError("read edges", err)
	}
	defer rs.Close()
	for rs.Next() {
		var e workflow.Edge
		var created dbTime
		if err := rs.Scan(&e.ID, &e.WorkflowID, &e.SourceNodeID, &e.TargetNodeID, &e.SourceHandle,
			&e.TargetHandle, &created); err != nil {
			return g, q.d.mapError("read edges", err)
		}
		e.CreatedAt = created.Time
		g.Edges = append(g.Edges, e)
	}
	return g, q.d.mapError("read edges", rs.Err())
}

// ReplaceGraph makes the workflow's nodes and edges exactly g: nodes are
// updated in place by id (so past runs keep their node executions), new ones
// inserted, missing ones deleted; edges are replaced. Call it inside a Tx so a
// failure changes nothing.
func (q *Queries) ReplaceGraph(ctx context.Context, workflowID string, g workflow.Graph) error {
	now := time.Now().UTC()
	if _, err := q.q.exec(ctx, `delete from edges where workflow_id = $1`, workflowID); err != nil {
		return q.d.mapError("replace graph", err)
	}
	keep := make([]string, 0, len(g.Nodes))
	for i, n := range g.Nodes {
		// created_at orders nodes; spacing by index keeps the client's order.
		created := now.Add(time.Duration(i) * time.Microsecond)
		n0, err := q.q.exec(ctx, `insert into nodes (id, workflow_id, type, name, config, position_x, position_y,
			has_breakpoint, created_at, updated_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
			on conflict (id) do update set type = excluded.type, name = excluded.name, config = excluded.config,
			position_x = excluded.position_x, position_y = excluded.position_y,
			has_breakpoint = excluded.has_breakpoint, updated_at = excluded.updated_at
			where nodes.workflow_id = excluded.workflow_id`,
			n.ID, workflowID, string(n.Type), n.Name, q.d.json(orEmptyObject(n.Config)), n.PositionX, n.PositionY,
			n.HasBreakpoint, q.d.time(created), q.d.time(now))
		if err == nil && n0 == 0 {
			// The id is another workflow's (perhaps another user's): answer as
			// for anything that is not the caller's, without saying whose.
			return &fault.Error{Code: fault.CodeNotFound, Message: fmt.Sprintf("node %s not found in this workflow", n.ID),
				Fields: []fault.Field{{Location: fmt.Sprintf("nodes[%d].id", i), Message: "this id is not one of this workflow's nodes; give new nodes a new UUID"}}}
		}
		if err != nil {
			return q.d.mapError("save node "+n.Name, err)
		}
		keep = append(keep, n.ID)
	}
	if _, err := q.q.exec(ctx, `delete from nodes where workflow_id = $1 and cast(id as text) not in (`+q.d.jsonTexts("$2")+`)`, workflowID, encodeStrings(keep)); err != nil {
		return q.d.mapError("replace graph", err)
	}
	for _, e := range g.Edges {
		if e.ID == "" {
			e.ID = workflow.NewID()
		}
		_, err := q.q.exec(ctx, `insert into edges (id, workflow_id, source_node_id, target_node_id,
			source_handle, target_handle, created_at) values ($1, $2, $3, $4, $5, $6, $7)`,
			e.ID, workflowID, e.SourceNodeID, e.TargetNodeID, e.SourceHandle, e.TargetHandle, q.d.time(now))
		if err != nil {
			return q.d.mapError("save edge", err)
		}
	}
	return q.TouchWorkflow(ctx, workflowID)
}
