package engine

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"sort"
	"sync"
	"time"

	"github.com/visualadgen/visualadgen/backend/internal/creatives"
	"github.com/visualadgen/visualadgen/backend/internal/executor"
	"github.com/visualadgen/visualadgen/backend/internal/fault"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// fake is a test executor for every node type; its config says what to do:
// {"out": {...}} output, {"fail": "msg"}, {"panic": "msg"}, {"flaky": n}
// (n retryable failures first), {"gate": true} (wait for release or
// cancel), {"sleep_ms": n}, {"cost": x} (record a generation), {"exit": n}
// (end the process, in a child), {"overrun_ms": n} (ignore the context and
// take n ms), {"nul": true} (a NUL in the output).
type fake struct {
	mu       sync.Mutex
	started  chan string // node names as they start
	gates    map[string]chan struct{}
	attempts map[string]int
	cancels  chan string // node names whose context was cancelled
	outside  chan string // handles of outside requests cancelled
	// checkpointed gets a node name once its outside request is saved.
	checkpointed chan string
}

// newFake returns a fake with buffered signal channels.
func newFake() *fake {
	return &fake{started: make(chan string, 1000), cancels: make(chan string, 100), outside: make(chan string, 100),
		checkpointed: make(chan string, 100),
		gates:        map[string]chan struct{}{}, attempts: map[string]int{}}
}

// typed is the fake registered under one node type.
type typed struct {
	*fake
	t workflow.NodeType
}

// Spec describes the fake: any input, no named outputs.
func (f typed) Spec() executor.Spec {
	return executor.Spec{Type: f.t, Label: string(f.t), OpenInputs: true}
}

// Check accepts any config.
func (typed) Check(raw json.RawMessage, _ executor.Wiring) (json.RawMessage, []fault.Field) {
	return raw, nil
}

// Estimate says every fake run is free.
func (typed) Estimate(json.RawMessage, executor.Wiring) (executor.Quote, error) {
	return executor.Quote{}, nil
}

// all returns the fake under each of the six node types.
func (f *fake) all() []executor.Executor {
	var out []executor.Executor
	for _, t := range []workflow.NodeType{executor.TextInputType, executor.ImageInputType, executor.SocialMediaType,
		executor.PromptType, executor.ImageModelType, creatives.OutputType} {
		out = append(out, typed{f, t})
	}
	return out
}

// gate returns the release channel of a node name.
func (f *fake) gate(name string) chan struct{} {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.gates[name] == nil {
		f.gates[name] = make(chan struct{})
	}
	return f.gates[name]
}

// release lets a gated node finish.
func (f *fake) release(name string) { close(f.gate(name)) }

// releaseAll opens every gate not yet opened (at cleanup).
func (f *fake) releaseAll() {
	f.mu.Lock()
	defer f.mu.Unlock()
	for name, g := range f.gates {
		select {
		case <-g:
		default:
			close(g)
		}
		delete(f.gates, name)
	}
}

// Run behaves as the node's config says.
func (f *fake) Run(ctx context.Context, r *executor.Run) (*executor.Result, error) {
	var cfg struct {
		Out     map[string]any `json:"out"`
		Fail    string         `json:"fail"`
		Panic   string         `json:"panic"`
		Flaky   int            `json:"flaky"`
		Gate    bool           `json:"gate"`
		SleepMS int            `json:"sleep_ms"`
		Cost    *float64       `json:"cost"`
		Pending int            `json:"pending"`
		Outside bool           `json:"outside"`
		Exit    int            `json:"exit"`
		Overrun int            `json:"overrun_ms"`
		NUL     bool           `json:"nul"`
	}
	_ = json.Unmarshal(r.Config, &cfg)
	f.mu.Lock()
	f.attempts[r.NodeName]++
	attempt := f.attempts[r.NodeName]
	f.mu.Unlock()
	select {
	case f.started <- r.NodeName:
	default: // nobody is watching (benchmarks)
	}
	if cfg.Outside || attempt <= cfg.Pending {
		if err := f.sendOnce(ctx, r); err != nil {
			return nil, err
		}
		return nil, executor.Wait(5 * time.Millisecond)
	}
	if cfg.Gate {
		select {
		case <-f.gate(r.NodeName):
		case <-ctx.Done():
			f.cancels <- r.NodeName
			return nil, context.Cause(ctx)
		}
	}
	if cfg.SleepMS > 0 {
		time.Sleep(time.Duration(cfg.SleepMS) * time.Millisecond)
	}
	if cfg.Exit != 0 && os.Getenv(childKind) != "" {
		os.Exit(cfg.Exit)
	}
	if cfg.Overrun > 0 {
		time.Sleep(time.Duration(cfg.Overrun) * time.Millisecond) // past the job's deadline, on purpose
	}
	switch {
	case cfg.Panic != "":
		panic(cfg.Panic)
	case cfg.Fail != "":
		return nil, errors.New(cfg.Fail)
	case attempt <= cfg.Flaky:
		return nil, executor.Retryable(errors.New("rate limited"))
	}
	seen := []string{}
	for k := range r.Inputs {
		seen = append(seen, k)
	}
	sort.Strings(seen)
	out := map[string]any{"seen": seen, "pid": os.Getpid()}
	if cfg.NUL {
		out["title"] = "bad\x00byte"
	}
	for k, v := range cfg.Out {
		out[k] = v
	}
	res := &executor.Result{Output: out}
	if cfg.Cost != nil {
		res.Generations = []*workflow.Generation{{ModelID: "fake", Prompt: "p", ImageURLs: []string{"u"}, AspectRatio: "1:1", Cost: cfg.Cost}}
	}
	return res, nil
}

// attemptsOf returns how often a node name has run.
func (f *fake) attemptsOf(name string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.attempts[name]
}

// sendOnce "sends" the node's one outside request, claiming its slot
// first, unless an earlier attempt did (image models only: they are the
// fake's outside workers).
func (f *fake) sendOnce(ctx context.Context, r *executor.Run) error {
	if r.Requests == nil {
		return nil
	}
	_, mine, err := r.Requests.Claim(ctx, 0, "fake", 0.01)
	if err != nil || !mine {
		return err
	}
	if _, err := r.Requests.Save(ctx, 0, json.RawMessage(`{"request":"`+r.NodeName+`"}`)); err != nil {
		return err
	}
	select {
	case f.checkpointed <- r.NodeName:
	default:
	}
	return nil
}

// Outside makes the fake image model an outside worker.
func (f typed) Outside() executor.Outsider {
	if f.t == executor.ImageModelType {
		return f
	}
	return nil
}

// CancelOutside records that a run's end cancelled an outside request.
func (f typed) CancelOutside(_ context.Context, handle json.RawMessage) (string, error) {
	f.outside <- string(handle)
	return "CANCELLATION_REQUESTED", nil
}

// StopWatching has no watchers to stop.
func (typed) StopWatching(string) {}
