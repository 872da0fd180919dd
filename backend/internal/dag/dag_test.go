package dag

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/visualadgen/visualadgen/backend/internal/fault"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// graph builds a graph of named nodes and "a>b" edges; ids equal names.
func graph(names []string, edges ...string) workflow.Graph {
	g := workflow.Graph{}
	for _, n := range names {
		g.Nodes = append(g.Nodes, workflow.Node{ID: n, Name: n, Type: "TEXT_INPUT"})
	}
	for _, e := range edges {
		g.Edges = append(g.Edges, workflow.Edge{ID: e, SourceNodeID: e[:1], TargetNodeID: e[2:]})
	}
	return g
}

// TestLevels checks the parallel levels of a diamond, deterministically.
func TestLevels(t *testing.T) {
	for range 20 {
		g, err := Build(graph([]string{"d", "c", "b", "a"}, "a>b", "a>c", "b>d", "c>d"), nil)
		require.NoError(t, err)
		require.Equal(t, [][]string{{"a"}, {"c", "b"}, {"d"}}, g.Levels)
		require.Equal(t, []string{"a", "c", "b", "d"}, g.Order)
	}
}

// TestProblems checks each kind of broken graph gets a clear message.
func TestProblems(t *testing.T) {
	cases := map[string]struct {
		g    workflow.Graph
		want string
	}{
		"empty":     {graph(nil), "no nodes"},
		"cycle":     {graph([]string{"x", "b", "a", "c", "d"}, "x>a", "a>b", "b>c", "c>a", "c>d"), `cycle: "b" -> "c" -> "a" -> "b"`},
		"self loop": {graph([]string{"a"}, "a>a"), `"a" is connected to itself`},
		"dangling":  {graph([]string{"a"}, "a>z"), "node z, which is not in this workflow"},
		"duplicate": {graph([]string{"a", "b"}, "a>b", "a>b"), "there twice"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := Build(c.g, nil)
			require.ErrorContains(t, err, c.want)
			require.Equal(t, fault.CodeInvalid, fault.CodeOf(err))
		})
	}
}

// noPorts is a port table where TEXT_INPUT has output "text" and input nothing.
type noPorts struct{}

// HasInput reports no inputs for any type.
func (noPorts) HasInput(workflow.NodeType, string) bool { return false }

// HasOutput reports only "text".
func (noPorts) HasOutput(_ workflow.NodeType, h string) bool { return h == "text" }

// TestHandles checks that handles a node type lacks are refused.
func TestHandles(t *testing.T) {
	g := graph([]string{"a", "b"}, "a>b")
	bad, good := "image", "text"
	g.Edges[0].SourceHandle, g.Edges[0].TargetHandle = &bad, &good
	_, err := Build(g, noPorts{})
	require.ErrorContains(t, err, `node "a" (TEXT_INPUT) has no output "image"`)
	require.ErrorContains(t, err, `node "b" (TEXT_INPUT) has no input "text"`)
	fe, ok := fault.As(err)
	require.True(t, ok)
	require.Equal(t, "edges[0].source_handle", fe.Fields[0].Location)
}

// FuzzBuild checks that no graph, however malformed, panics the validator,
// and that a graph it accepts is ordered with every node once.
func FuzzBuild(f *testing.F) {
	f.Add("abc", "a>b,b>c")
	f.Add("ab", "a>b,b>a")
	f.Add("a", "a>a,a>z")
	f.Fuzz(func(t *testing.T, names, edges string) {
		var ns []string
		for _, r := range names {
			ns = append(ns, string(r))
		}
		var es []string
		for _, e := range strings.Split(edges, ",") {
			if len(e) == 3 && e[1] == '>' {
				es = append(es, e)
			}
		}
		g, err := Build(graph(ns, es...), nil)
		if err != nil {
			require.Equal(t, fault.CodeInvalid, fault.CodeOf(err))
			return
		}
		require.Len(t, g.Order, len(g.Nodes))
	})
}
