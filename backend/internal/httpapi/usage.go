package httpapi

import (
	"context"
	"log/slog"
	"sort"
	"time"

	"github.com/visualadgen/visualadgen/backend/internal/cost"
	"github.com/visualadgen/visualadgen/backend/internal/fault"
	"github.com/visualadgen/visualadgen/backend/internal/store"
)

// UsageInput is the period and the grouping of GET /api/usage.
type UsageInput struct {
	From  string `query:"from" doc:"The first day, YYYY-MM-DD (default: the month's first)."`
	To    string `query:"to" doc:"The last day, YYYY-MM-DD, included (default: today)."`
	Group string `query:"group" enum:"day,workflow,model" default:"day"`
}

// UsageGroup is one group's totals.
type UsageGroup struct {
	Key    string  `json:"key" doc:"The day (YYYY-MM-DD), the workflow's name (with \" (deleted)\" once it is deleted: its spend stays), or the model."`
	Cost   float64 `json:"cost"`
	Images int     `json:"images"`
	Runs   int     `json:"runs"`
	Reused int     `json:"reused" doc:"Nodes that reused an earlier output instead of paying."`
}

// UsageOutput answers GET /api/usage.
type UsageOutput struct {
	Body struct {
		From   string       `json:"from"`
		To     string       `json:"to"`
		Groups []UsageGroup `json:"groups"`
		Total  UsageGroup   `json:"total"`
	}
}

// handleUsage totals the caller's spending in a period by day, workflow
// or model.
func handleUsage(st *store.Store, log *slog.Logger) func(context.Context, *UsageInput) (*UsageOutput, error) {
	return func(ctx context.Context, in *UsageInput) (*UsageOutput, error) {
		from, to, err := period(in.From, in.To)
		if err != nil {
			return nil, problem(log, err)
		}
		gens, runs, reused, err := st.UsageOf(ctx, userOf(ctx), from, to.AddDate(0, 0, 1))
		if err != nil {
			return nil, problem(log, err)
		}
		keyOf := func(r store.UsageRow) string {
			switch in.Group {
			case "workflow":
				if r.Deleted {
					return r.Workflow + " (deleted)"
				}
				return r.Workflow
			case "model":
				return r.Model
			}
			return r.At.UTC().Format(time.DateOnly)
		}
		groups := map[string]*UsageGroup{}
		get := func(k string) *UsageGroup {
			if groups[k] == nil {
				groups[k] = &UsageGroup{Key: k}
			}
			return groups[k]
		}
		out := &UsageOutput{}
		t := &out.Body.Total
		for _, g := range gens {
			u := get(keyOf(g))
			u.Cost, u.Images = cost.Round(u.Cost+g.Cost), u.Images+g.Images
			t.Cost, t.Images = cost.Round(t.Cost+g.Cost), t.Images+g.Images
		}
		runs = append(runs, deletedRuns(gens)...)
		if in.Group != "model" { // a run has no one model
			for _, r := range runs {
				u := get(keyOf(r))
				u.Runs, u.Reused = u.Runs+1, u.Reused+reused[r.ExecutionID]
			}
		}
		for _, r := range runs {
			t.Runs, t.Reused = t.Runs+1, t.Reused+reused[r.ExecutionID]
		}
		out.Body.Groups = []UsageGroup{}
		for _, g := range groups {
			out.Body.Groups = append(out.Body.Groups, *g)
		}
		sort.Slice(out.Body.Groups, func(i, j int) bool { return out.Body.Groups[i].Key < out.Body.Groups[j].Key })
		out.Body.From, out.Body.To, t.Key = from.Format(time.DateOnly), to.Format(time.DateOnly), "total"
		return out, nil
	}
}

// period reads a usage period: from the month's first day to today when
// not given.
func period(fromS, toS string) (from, to time.Time, err error) {
	from, to = store.MonthStart(time.Now()), time.Now().UTC().Truncate(24*time.Hour)
	if fromS != "" {
		if from, err = time.Parse(time.DateOnly, fromS); err != nil {
			return from, to, fault.Invalid("bad from", fault.Field{Location: "from", Message: "give a day as YYYY-MM-DD"})
		}
	}
	if toS != "" {
		if to, err = time.Parse(time.DateOnly, toS); err != nil {
			return from, to, fault.Invalid("bad to", fault.Field{Location: "to", Message: "give a day as YYYY-MM-DD"})
		}
	}
	if to.Before(from) || to.Sub(from) > 366*24*time.Hour {
		return from, to, fault.Invalid("bad period", fault.Field{Location: "to", Message: "give a period of at most a year, ending after it starts"})
	}
	return from, to, nil
}

// deletedRuns are the runs of deleted workflows, known only from what they
// spent (their executions went with them): one per run, when it first
// spent.
func deletedRuns(gens []store.UsageRow) []store.UsageRow {
	seen := map[string]bool{}
	var out []store.UsageRow
	for _, g := range gens {
		if g.Deleted && !seen[g.ExecutionID] {
			seen[g.ExecutionID] = true
			g.Model, g.Images, g.Cost = "", 0, 0
			out = append(out, g)
		}
	}
	return out
}
