package store

import (
	"context"
	"encoding/json"
)

// madeBy is what made an image: its generation and that generation's
// model, endpoint, prompt, seed, and the image's share of its cost.
type madeBy struct {
	id, model, prompt string
	endpoint          *string
	seed              *int64
	share             *float64
}

// generationsBehind finds what made each image a run's nodes hold: the
// generations of the run and of the runs whose results it reused (and
// those they reused, back to the run that paid), by image URL.
func (q *Queries) generationsBehind(ctx context.Context, executionID string) (map[string]madeBy, error) {
	rs, err := q.q.query(ctx, `with recursive src(id) as (
			select id from node_executions where execution_id = $1
			union
			select ne.reused_from from node_executions ne join src on ne.id = src.id where ne.reused_from is not null)
		select g.id, g.model_id, g.endpoint, g.prompt, g.parameters, `+q.d.stringsOut("g.image_urls")+`, g.cost
		from generations g join node_executions ne on ne.execution_id = g.execution_id and ne.node_id = g.node_id
		where ne.id in (select id from src)`, executionID)
	if err != nil {
		return nil, q.d.mapError("read what made the finals", err)
	}
	defer rs.Close()
	out := map[string]madeBy{}
	for rs.Next() {
		var m madeBy
		var params jsonCol
		var urls stringsCol
		var cost *float64
		if err := rs.Scan(&m.id, &m.model, &m.endpoint, &m.prompt, &params, &urls, &cost); err != nil {
			return nil, q.d.mapError("read what made the finals", err)
		}
		var p struct {
			Seed *int64 `json:"seed"`
		}
		_ = json.Unmarshal(params.Raw, &p)
		m.seed = p.Seed
		if cost != nil && len(urls.V) > 0 {
			share := *cost / float64(len(urls.V))
			m.share = &share
		}
		for _, u := range urls.V {
			out[u] = m
		}
	}
	return out, q.d.mapError("read what made the finals", rs.Err())
}
