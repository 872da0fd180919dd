package store

import (
	"context"
	"encoding/json"
	"time"

	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// finalCols is the column list read into scanFinal.
const finalCols = `id, execution_id, node_execution_id, node_id, position, placement, ratio, width, height, bytes, crop, url,
	source_url, generation_id, model_id, endpoint, prompt, seed, cost, texts, layout, reused_from, created_at`

// scanFinal reads one final row.
func scanFinal(r row) (workflow.Final, error) {
	var f workflow.Final
	var texts, layout jsonCol
	var created dbTime
	err := r.Scan(&f.ID, &f.ExecutionID, &f.NodeExecutionID, &f.NodeID, &f.Position, &f.Placement, &f.Ratio, &f.Width,
		&f.Height, &f.Bytes, &f.Crop, &f.URL, &f.SourceURL, &f.GenerationID, &f.ModelID, &f.Endpoint, &f.Prompt, &f.Seed,
		&f.Cost, &texts, &layout, &f.ReusedFrom, &created)
	if err == nil && texts.Raw != nil {
		err = json.Unmarshal(texts.Raw, &f.Texts)
	}
	f.Layout, f.CreatedAt = layout.Raw, created.Time
	return f, err
}

// CreateFinals records the finals a node execution delivered, in order,
// each with the generation its source image came from (found among the
// generations of the run and of the runs it reused, whatever their age).
func (q *Queries) CreateFinals(ctx context.Context, ne workflow.NodeExecution, finals []workflow.Final) error {
	if len(finals) == 0 {
		return nil
	}
	made, err := q.generationsBehind(ctx, ne.ExecutionID)
	if err != nil {
		return err
	}
	now := time.Now().UTC().Truncate(time.Microsecond)
	for i := range finals {
		f := &finals[i]
		f.ID, f.ExecutionID, f.NodeExecutionID, f.NodeID, f.Position, f.CreatedAt = workflow.NewID(), ne.ExecutionID, ne.ID, &ne.NodeID, i, now
		if g, ok := made[f.SourceURL]; ok && f.GenerationID == nil {
			f.GenerationID, f.ModelID, f.Endpoint, f.Prompt, f.Seed, f.Cost = &g.id, &g.model, g.endpoint, &g.prompt, g.seed, g.share
		}
		if err := q.insertFinal(ctx, *f); err != nil {
			return err
		}
	}
	return nil
}

// CopyFinals records, for node execution to, the finals of node execution
// from, whose result it reused: the same files, each reusing its final.
func (q *Queries) CopyFinals(ctx context.Context, from string, to workflow.NodeExecution) error {
	rs, err := q.q.query(ctx, `select `+finalCols+` from finals where node_execution_id = $1 order by position`, from)
	if err != nil {
		return q.d.mapError("read reused finals", err)
	}
	var list []workflow.Final
	for rs.Next() {
		f, err := scanFinal(rs)
		if err != nil {
			rs.Close()
			return q.d.mapError("read reused finals", err)
		}
		list = append(list, f)
	}
	rs.Close()
	now := time.Now().UTC().Truncate(time.Microsecond)
	for _, f := range list {
		was := f.ID
		f.ID, f.ExecutionID, f.NodeExecutionID, f.NodeID, f.ReusedFrom, f.CreatedAt = workflow.NewID(), to.ExecutionID, to.ID, &to.NodeID, &was, now
		if err := q.insertFinal(ctx, f); err != nil {
			return err
		}
	}
	return nil
}

// insertFinal writes one final.
func (q *Queries) insertFinal(ctx context.Context, f workflow.Final) error {
	var texts []byte
	if len(f.Texts) > 0 {
		texts, _ = json.Marshal(f.Texts)
	}
	_, err := q.q.exec(ctx, `insert into finals (`+finalCols+`) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12,
		$13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23)`,
		f.ID, f.ExecutionID, f.NodeExecutionID, f.NodeID, f.Position, f.Placement, f.Ratio, f.Width, f.Height, f.Bytes, f.Crop,
		f.URL, f.SourceURL, f.GenerationID, f.ModelID, f.Endpoint, f.Prompt, f.Seed, f.Cost, q.d.json(texts), q.d.json(f.Layout),
		f.ReusedFrom, q.d.time(f.CreatedAt))
	return q.d.mapError("record a final", err)
}

// ListFinals lists a run's finals, node by node in the order each
// delivered them.
func (q *Queries) ListFinals(ctx context.Context, executionID string) ([]workflow.Final, error) {
	rs, err := q.q.query(ctx, `select `+finalCols+` from finals where execution_id = $1 order by node_execution_id, position`, executionID)
	if err != nil {
		return nil, q.d.mapError("list finals", err)
	}
	defer rs.Close()
	out := []workflow.Final{}
	for rs.Next() {
		f, err := scanFinal(rs)
		if err != nil {
			return nil, q.d.mapError("list finals", err)
		}
		out = append(out, f)
	}
	return out, q.d.mapError("list finals", rs.Err())
}
