package executor

import (
	"fmt"
	"slices"
	"strings"
)

// Kinds lists every port kind, in the order the catalog and messages name
// them. Port's enum tags list the same kinds (a test holds them together).
func Kinds() []PortKind {
	return []PortKind{KindText, KindImage, KindImages, KindData, KindLayout}
}

// Accepted is the connection rule, its one home: the output kinds an input
// of kind into takes. An input takes its own kind; a text input also takes
// data (posts and trends are written into a prompt as text), and a list of
// images also takes one image. The catalog serves it per input (accepts);
// the editor reads it there, and saving a graph enforces it.
func Accepted(into PortKind) []PortKind {
	switch into {
	case KindText:
		return []PortKind{KindText, KindData}
	case KindImages:
		return []PortKind{KindImage, KindImages}
	}
	return []PortKind{into}
}

// Feeds reports whether an output of kind out may feed an input of kind into.
func Feeds(out, into PortKind) bool { return slices.Contains(Accepted(into), out) }

// kindName names what flows through a port of a kind, for people.
func kindName(k PortKind) string {
	switch k {
	case KindImage:
		return "an image"
	case KindLayout:
		return "an ad layout"
	}
	return string(k)
}

// InputPort is an input as the catalog serves it: the port and the output
// kinds it accepts, so the editor never keeps a copy of the rule.
type InputPort struct {
	Port
	Accepts []PortKind `json:"accepts" nullable:"false" enum:"text,image,images,data,layout" doc:"The kinds of output this input takes (every kind on a node with open inputs)."`
}

// servedInputs are a node type's inputs with what each accepts: by its
// kind, or anything on a node whose inputs are open.
func servedInputs(ports []Port, open bool) []InputPort {
	out := make([]InputPort, len(ports))
	for i, p := range ports {
		out[i] = InputPort{Port: p, Accepts: Accepted(p.Kind)}
		if open {
			out[i].Accepts = Kinds()
		}
	}
	return out
}

// End is one end of an edge: its node's name, its node type's catalog
// entry, and the handle it names ("" for none).
type End struct {
	Name   string
	Spec   Spec
	Handle string
}

// Misfit says why an edge may not join its source's output to its target's
// input by their kinds, or "" when it may. An edge without a source handle
// brings all of the source's outputs (the brief's merge) and fits when one
// of them fits; one without a target handle brings each output into the
// input of the same name, if the target has one. A node with open inputs
// takes anything, and a handle that names no port is not judged here (the
// graph's shape check refuses it).
func Misfit(src, dst End) string {
	if dst.Spec.OpenInputs {
		return ""
	}
	outs := src.Spec.Outputs
	if src.Handle != "" {
		outs = slices.DeleteFunc(slices.Clone(outs), func(p Port) bool { return p.Name != src.Handle })
	}
	if dst.Handle != "" {
		into, ok := inputNamed(dst.Spec, dst.Handle)
		if !ok || len(outs) == 0 || slices.ContainsFunc(outs, func(p Port) bool { return Feeds(p.Kind, into.Kind) }) {
			return ""
		}
		return misfitMessage(src.Name, outs, dst.Name, into)
	}
	for _, o := range outs {
		if into, ok := inputNamed(dst.Spec, o.Name); ok && !Feeds(o.Kind, into.Kind) {
			return misfitMessage(src.Name, []Port{o}, dst.Name, into)
		}
	}
	return ""
}

// inputNamed returns s's input port named h.
func inputNamed(s Spec, h string) (Port, bool) {
	i := slices.IndexFunc(s.Inputs, func(p InputPort) bool { return p.Name == h })
	if i < 0 {
		return Port{}, false
	}
	return s.Inputs[i].Port, true
}

// misfitMessage names both ports and their kinds: `"Flux"'s images output
// (images) cannot feed "Copy"'s prompt input: it takes text or data`.
func misfitMessage(src string, outs []Port, dst string, into Port) string {
	labels := make([]string, len(outs))
	var kinds []string
	for i, o := range outs {
		labels[i] = strings.ToLower(o.Label)
		if k := kindName(o.Kind); !slices.Contains(kinds, k) {
			kinds = append(kinds, k)
		}
	}
	output := "output"
	if len(outs) > 1 {
		output = "outputs"
	}
	accepted := Accepted(into.Kind)
	takes := make([]string, len(accepted))
	for i, k := range accepted {
		takes[i] = kindName(k)
	}
	return fmt.Sprintf("%q's %s %s (%s) cannot feed %q's %s input: it takes %s",
		src, strings.Join(labels, " and "), output, strings.Join(kinds, " and "), dst, strings.ToLower(into.Label), strings.Join(takes, " or "))
}
