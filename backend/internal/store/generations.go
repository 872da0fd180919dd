package store

import (
	"context"
	"time"

	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// CreateGeneration inserts g, filling its id and time when empty.
func (q *Queries) CreateGeneration(ctx context.Context, g *workflow.Generation) error {
	if g.ID == "" {
		g.ID = workflow.NewID()
	}
	if g.CreatedAt.IsZero() {
		g.CreatedAt = time.Now().UTC().Truncate(time.Microsecond)
	}
	var endpoint *string
	if g.Endpoint != "" {
		endpoint = &g.Endpoint
	}
	_, err := q.q.exec(ctx, `insert into generations (id, execution_id, node_id, model_id, prompt, parameters,
		image_urls, aspect_ratio, cost, created_at, endpoint) values ($1, $2, $3, $4, $5, $6, `+q.d.stringsIn("$7")+`, $8, $9, $10, $11)`,
		g.ID, g.ExecutionID, g.NodeID, g.ModelID, g.Prompt, q.d.json(orEmptyObject(g.Parameters)),
		encodeStrings(g.ImageURLs), g.AspectRatio, g.Cost, q.d.time(g.CreatedAt), endpoint)
	if err != nil {
		return q.d.mapError("create generation", err)
	}
	amount := 0.0
	if g.Cost != nil {
		amount = *g.Cost
	}
	// The ledger row outlives the workflow, so its spend keeps counting.
	n, err := q.q.exec(ctx, `insert into spend_ledger (id, user_id, generation_id, execution_id, workflow_id,
		workflow_name, model_id, images, amount, created_at)
		select $1, w.user_id, $1, e.id, w.id, w.name, $2, $3, $4, $5
		from executions e join workflows w on w.id = e.workflow_id where e.id = $6`,
		g.ID, g.ModelID, len(g.ImageURLs), amount, q.d.time(g.CreatedAt), g.ExecutionID)
	if err == nil && n == 0 {
		err = errNoRows
	}
	return q.d.mapError("record spend", err)
}

// ListGenerations returns the generations of one execution in order.
func (q *Queries) ListGenerations(ctx context.Context, executionID string) ([]workflow.Generation, error) {
	rs, err := q.q.query(ctx, `select id, execution_id, node_id, model_id, prompt, parameters, `+
		q.d.stringsOut("image_urls")+`, aspect_ratio, cost, created_at from generations
		where execution_id = $1 order by created_at, id`, executionID)
	if err != nil {
		return nil, q.d.mapError("list generations", err)
	}
	defer rs.Close()
	out := []workflow.Generation{}
	for rs.Next() {
		var g workflow.Generation
		var params jsonCol
		var urls stringsCol
		var created dbTime
		if err := rs.Scan(&g.ID, &g.ExecutionID, &g.NodeID, &g.ModelID, &g.Prompt, &params, &urls,
			&g.AspectRatio, &g.Cost, &created); err != nil {
			return nil, q.d.mapError("list generations", err)
		}
		g.Parameters, g.ImageURLs, g.CreatedAt = orEmptyObject(params.Raw), urls.V, created.Time
		out = append(out, g)
	}
	return out, q.d.mapError("list generations", rs.Err())
}

// SumGenerationCost adds up the cost of an execution's generations.
func (q *Queries) SumGenerationCost(ctx context.Context, executionID string) (float64, error) {
	var total *float64
	err := q.q.queryRow(ctx, `select sum(cost) from generations where execution_id = $1`, executionID).Scan(&total)
	if total == nil {
		return 0, q.d.mapError("sum costs", err)
	}
	return *total, q.d.mapError("sum costs", err)
}
