package engine

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/visualadgen/visualadgen/backend/internal/executor"
)

// recordTimeout bounds the recording of a node's outcome, which runs on a
// context of its own: a node that used up its job's time still gets its
// result (or its failure) written.
const recordTimeout = 10 * time.Second

// recordContext is the context an outcome is recorded with: it outlives
// the job's deadline and cancellation, for recordTimeout.
func recordContext(ctx context.Context) (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.WithoutCancel(ctx), recordTimeout)
}

// record writes a node's result, trying a few times. When it cannot, the
// node fails with the reason (the run ends instead of staying RUNNING); when
// even that cannot be written (the database is gone), the result is kept on
// the node execution if possible, so the job's retry records it instead of
// running the executor again.
func (e *Engine) record(ctx context.Context, j Job, res *executor.Result, input json.RawMessage) error {
	rec, cancel := recordContext(ctx)
	defer cancel()
	res.Output = scrub(res.Output)
	var err error
	for attempt, wait := 0, 100*time.Millisecond; attempt < 3; attempt, wait = attempt+1, wait*4 {
		if err = e.complete(rec, j, res, input); err == nil {
			return nil
		}
		e.log.Warn("engine: recording a node's result failed", "execution_id", j.ExecutionID, "node_id", j.NodeID, "err", err)
		select {
		case <-rec.Done():
		case <-time.After(wait):
		}
	}
	if ferr := e.fail(rec, j, fmt.Errorf("its result could not be recorded: %v", err), input); ferr == nil {
		return nil
	}
	if b, merr := json.Marshal(res); merr == nil {
		if ne, gerr := e.st.GetNodeExecution(rec, j.ExecutionID, j.NodeID); gerr == nil {
			_ = e.st.SavePendingResult(rec, ne.ID, b)
		}
	}
	return err
}

// scrub removes NUL characters from an output's strings: Postgres cannot
// store them, and a node must not fail over a byte an outside service sent.
func scrub(out map[string]any) map[string]any {
	b, err := json.Marshal(out)
	if err != nil || !bytes.Contains(b, []byte(`\u0000`)) {
		return out
	}
	var v map[string]any
	if json.Unmarshal(b, &v) != nil {
		return out
	}
	return scrubValue(v).(map[string]any)
}

// scrubValue removes NULs from every string in v.
func scrubValue(v any) any {
	switch x := v.(type) {
	case string:
		return strings.ReplaceAll(x, "\x00", "")
	case []any:
		for i := range x {
			x[i] = scrubValue(x[i])
		}
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[strings.ReplaceAll(k, "\x00", "")] = scrubValue(e)
		}
		return out
	}
	return v
}
