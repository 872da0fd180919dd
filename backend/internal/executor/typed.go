package executor

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"time"

	"github.com/visualadgen/visualadgen/backend/internal/fault"
	"github.com/visualadgen/visualadgen/backend/internal/schema"
)

// Node is one node type with its config as a typed struct C: the struct's
// tags are the config's schema, defaults and limits.
type Node[C any] interface {
	Describe() Description
	Run(ctx context.Context, r *Run, c C) (*Result, error)
}

// checker is implemented by nodes whose configs have rules their schema
// cannot say (across fields, or against a table); locations are relative to
// the config.
type checker[C any] interface {
	Check(c *C, w Wiring) []fault.Field
}

// estimator is implemented by nodes whose runs cost money or generate.
type estimator[C any] interface {
	Estimate(c C, w Wiring) (Quote, error)
}

// reuser is implemented by nodes whose outputs may not always be reused.
type reuser[C any] interface {
	Reuse(c C) (bool, time.Duration)
}

// warner is implemented by nodes that warn before a run.
type warner[C any] interface {
	Warn(c *C, w Wiring) []fault.Field
}

// shapeAsker is implemented by nodes that ask for image shapes.
type shapeAsker[C any] interface {
	AskedShapes(c C) []string
}

// schemaTuner is implemented by nodes whose schema has facts from a table
// (an image model's ranges come from the model table).
type schemaTuner[C any] interface {
	TuneSchema(s *schema.Of[C])
}

// typed adapts a Node[C] to an Executor: it decodes and validates the config
// once, in one way, for saving, estimating and running.
type typed[C any] struct {
	node   Node[C]
	schema *schema.Of[C]
}

// Typed wraps n as an Executor.
func Typed[C any](n Node[C]) Executor {
	s := schema.New[C]()
	if t, ok := n.(schemaTuner[C]); ok {
		t.TuneSchema(s)
	}
	return typed[C]{node: n, schema: s}
}

// Spec is the node's description with its served schema and defaults.
func (t typed[C]) Spec() Spec {
	d := t.node.Describe()
	s := Spec{Type: d.Type, Label: d.Label, Description: d.Description, Icon: d.Icon,
		ConfigSchema: t.schema.Served, Inputs: servedInputs(d.Inputs, d.OpenInputs), Outputs: d.Outputs, OpenInputs: d.OpenInputs, Notice: d.Notice, Unavailable: d.Unavailable,
		Defaults: t.schema.Defaults(), ConfigType: reflect.TypeFor[C]()}
	if d.Output != nil { // the ports are the output struct's
		s.OutputType = reflect.TypeOf(d.Output)
		s.Outputs = portsOf(s.OutputType)
	}
	return s
}

// The Executor's methods below answer from the raw config each time, as
// callers without a run plan ask (the catalog, tests); a run plan decodes
// once (Decode) and reads the answers from there.

// Check validates the config and returns it normalised.
func (t typed[C]) Check(raw json.RawMessage, w Wiring) (json.RawMessage, []fault.Field) {
	b := t.Decode(raw).Bind(w)
	return b.Normalised(), b.Errors()
}

// Run decodes the config and runs the node.
func (t typed[C]) Run(ctx context.Context, r *Run) (*Result, error) {
	return t.Decode(r.Config).Bind(wiringOf(r)).Run(ctx, r)
}

// Estimate prices one run of the config.
func (t typed[C]) Estimate(raw json.RawMessage, w Wiring) (Quote, error) {
	return t.Decode(raw).Bind(w).Estimate()
}

// salter is implemented by nodes whose results depend on how they run here.
type salter interface {
	Salt() string
}

// Salt is what the node type adds to signatures ("" for most).
func (t typed[C]) Salt() string {
	if s, ok := t.node.(salter); ok {
		return s.Salt()
	}
	return ""
}

// prechecker is implemented by nodes that can tell before a run that they
// will fail.
type prechecker[C any] interface {
	Precheck(ctx context.Context, r *Run, c C) error
}

// Precheck says, before a run, whether the node will fail with the inputs
// known by then (nil when it cannot tell, or its config is not valid: the
// run's own checks say more).
func (t typed[C]) Precheck(ctx context.Context, r *Run) error {
	return t.Decode(r.Config).Precheck(ctx, r)
}

// pure is implemented by nodes an estimate may run to foresee what
// follows them.
type pure interface {
	Pure() bool
}

// Pure says whether an estimate may run the node: it calls no outside
// service, pays nothing and writes nothing (false unless it says so).
func (t typed[C]) Pure() bool {
	p, ok := t.node.(pure)
	return ok && p.Pure()
}

// ReuseFor says whether a node may reuse an earlier output: a node type
// reuses (any age) unless it says otherwise.
func (t typed[C]) ReuseFor(raw json.RawMessage) (bool, time.Duration) {
	return t.Decode(raw).ReuseFor()
}

// Warnings are a valid config's likely problems (none for an invalid one:
// its errors say more).
func (t typed[C]) Warnings(raw json.RawMessage, w Wiring) []fault.Field {
	return t.Decode(raw).Bind(w).Warnings()
}

// AskedShapes are the shapes a node with this config asks for (none when
// the node type asks for none or the config is not valid).
func (t typed[C]) AskedShapes(raw json.RawMessage) []string {
	return t.Decode(raw).AskedShapes()
}

// finaler is implemented by nodes that deliver final ads.
type finaler[C any] interface {
	MostFinals(c C) int
}

// MostFinals is the most final ads a node with this config may deliver
// (0 for node types that deliver none, or an invalid config).
func (t typed[C]) MostFinals(raw json.RawMessage) int {
	return t.Decode(raw).MostFinals()
}

// outsider is implemented by nodes that may send outside requests.
type outsider interface {
	Outside() Outsider
}

// Outside is how the node's outside work is stopped (nil: it sends none).
func (t typed[C]) Outside() Outsider {
	if o, ok := t.node.(outsider); ok {
		return o.Outside()
	}
	return nil
}

// planner is implemented by nodes that send outside requests and can say
// which, before sending them.
type planner[C any] interface {
	Plan(r *Run, c C) ([]PlannedRequest, error)
}

// Plan lists the outside requests a run of the node would send with r's
// inputs and shapes; ok is false for node types that send none, or when it
// cannot tell (a config or input that a run would refuse).
func (t typed[C]) Plan(r *Run) ([]PlannedRequest, bool) {
	return t.Decode(r.Config).Bind(wiringOf(r)).Plan(r)
}

// configError joins field errors into one error for Run.
func configError(errs []fault.Field) error {
	msgs := make([]string, len(errs))
	for i, e := range errs {
		msgs[i] = e.Message
		if e.Location != "" {
			msgs[i] = e.Location + ": " + e.Message
		}
	}
	return fault.Invalid(fmt.Sprintf("bad config: %s", strings.Join(msgs, "; ")), fault.Prefix("config", errs)...)
}
