package engine

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"strings"
	"time"

	"github.com/visualadgen/visualadgen/backend/internal/dag"
	"github.com/visualadgen/visualadgen/backend/internal/executor"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// signature is what a node computes from, and its owner: signatures never
// match across users, so looking one up reads only the owner's rows. A
// node that sends outside requests (an image model) computes from what it
// would ask the service: each request's endpoint and planned input, so a
// change downstream that leaves them as they were (a new Output count with
// an explicit ratio) never asks again, and one that changes them (a
// matched ratio following a new Output ratio) does. Any other node
// computes from its type, its config as normalised (defaults filled, keys
// ordered), its inputs (JSON with sorted keys, so the same values in any
// order match; what a source cost is left out, as a reused source cost
// nothing) and the image shapes the nodes it feeds ask for. Node ids are
// not part of it: a copied graph matches too.
func signature(user string, pn *planNode, run *executor.Run, inputs []byte) string {
	h := sha256.New()
	part := func(b []byte) {
		h.Write(b)
		h.Write([]byte{0})
	}
	part([]byte(user))
	part([]byte(pn.node.Type))
	part([]byte(salt(pn.ex)))
	if reqs, ok := pn.cfg.Plan(run); ok {
		part([]byte("requests"))
		for _, r := range reqs {
			in, _ := json.Marshal(r.Input) // keys sorted
			part([]byte(r.Endpoint))
			part(in)
		}
		return hex.EncodeToString(h.Sum(nil))
	}
	inputs = withoutCost(inputs)
	norm := pn.cfg.Normalised()
	if norm == nil {
		norm = pn.node.Config
	}
	for _, b := range [][]byte{norm, inputs, []byte(strings.Join(run.Shapes, ","))} {
		part(b)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// fresh lists the nodes a run must not reuse for: every node when the run
// asked for a fresh start, else the nodes asked for and everything after
// them.
func fresh(g *dag.Graph, o *workflow.RunOptions) map[string]bool {
	out := map[string]bool{}
	if o == nil {
		return out
	}
	if o.FreshAll {
		for id := range g.Nodes {
			out[id] = true
		}
		return out
	}
	var walk func(id string)
	walk = func(id string) {
		if out[id] {
			return
		}
		out[id] = true
		for _, s := range g.Succs[id] {
			walk(s)
		}
	}
	for _, id := range o.Fresh {
		if _, ok := g.Nodes[id]; ok {
			walk(id)
		}
	}
	return out
}

// reuse finds an earlier output of the same user for the same signature
// and returns it as this node's result (cost 0, no outside call).
func (e *Engine) reuse(ctx context.Context, p *prepared) (*executor.Result, bool) {
	if !p.mayReuse {
		return nil, false
	}
	ok, maxAge := p.node.cfg.ReuseFor()
	if !ok {
		return nil, false
	}
	var since time.Time
	if maxAge > 0 {
		since = time.Now().Add(-maxAge)
	}
	found, err := e.st.FindReusable(ctx, p.user, p.run.ExecutionID, p.signature, since)
	if err != nil || found == nil {
		return nil, false
	}
	var out map[string]any
	if json.Unmarshal(found.Output, &out) != nil {
		return nil, false
	}
	if _, paid := out["cost"]; paid {
		out["cost"] = 0.0 // reused: nothing paid this time
	}
	return &executor.Result{Output: out, Signature: p.signature, ReusedFrom: found.ID, Delivers: p.node.delivers()}, true
}

// withoutCost removes every "cost" key from a JSON document.
func withoutCost(doc []byte) []byte {
	var v any
	if json.Unmarshal(doc, &v) != nil {
		return doc
	}
	var strip func(v any) any
	strip = func(v any) any {
		switch x := v.(type) {
		case map[string]any:
			delete(x, "cost")
			for k, e := range x {
				x[k] = strip(e)
			}
		case []any:
			for i := range x {
				x[i] = strip(x[i])
			}
		}
		return v
	}
	out, err := json.Marshal(strip(v))
	if err != nil {
		return doc
	}
	return out
}

// salt is what an executor adds to its nodes' signatures: how it works
// here (an image model's preview renderer or FAL), so switching it on does
// not reuse the other's results.
func salt(ex executor.Executor) string {
	if s, ok := ex.(executor.Salter); ok {
		return s.Salt()
	}
	return ""
}
