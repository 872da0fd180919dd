package creatives

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/visualadgen/visualadgen/backend/internal/executor"
	"github.com/visualadgen/visualadgen/backend/internal/fault"
	"github.com/visualadgen/visualadgen/backend/internal/prompt"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// AdLayoutType is the node type of the ad layout.
const AdLayoutType workflow.NodeType = "AD_LAYOUT"

// AdLayoutConfig is AD_LAYOUT's config: the ad's words (templates with the
// same {{variables}} as a Prompt), the brand kit, and where things go.
type AdLayoutConfig struct {
	Headline     string `json:"headline" title:"Headline" doc:"{{variables}} are filled from connected nodes, as in a Prompt." minLength:"1" maxLength:"300" default:"{{text}}" ui:"multiline"`
	Subline      string `json:"subline,omitempty" title:"Subline" maxLength:"500" ui:"multiline"`
	CTA          string `json:"cta,omitempty" title:"Call to action" doc:"The button's words, such as Shop now." maxLength:"60"`
	BrandKitID   string `json:"brand_kit_id,omitempty" title:"Brand kit" doc:"One of your brand kits; none uses Inter and a dark button."`
	TextPosition string `json:"text_position,omitempty" title:"Text" enum:"auto,top,bottom,centre" default:"auto" doc:"auto puts the words where the picture is calmest."`
	LogoPosition string `json:"logo_position,omitempty" title:"Logo" enum:"auto,top-left,top-right,bottom-left,bottom-right,none" default:"auto"`
	Scrim        string `json:"scrim,omitempty" title:"Scrim" enum:"auto,on,off" default:"auto" doc:"A shade behind the words: auto adds one only where the picture would make them hard to read."`
}

// BrandKits reads brand kits for the ad layout.
type BrandKits interface {
	// Owned reports whether kit id is owner's.
	Owned(ctx context.Context, owner, id string) bool
	// Kit reads kit id if it is owner's (a graph cannot borrow another
	// user's kit), with its fonts resolved (a bundled id, or an uploaded
	// font's URL).
	Kit(ctx context.Context, owner, id string) (executor.Brand, error)
}

// adLayout resolves an ad's words and brand: {headline, subline, cta,
// brand_kit_id, ...} with any inputs -> {layout}. The Output renders it
// onto every final at its final size.
type adLayout struct{ kits BrandKits }

// NewAdLayout returns the AD_LAYOUT executor.
func NewAdLayout(kits BrandKits) executor.Executor {
	return executor.Typed[AdLayoutConfig](adLayout{kits: kits})
}

// Describe describes AD_LAYOUT.
func (adLayout) Describe() executor.Description {
	return executor.Description{Type: AdLayoutType, Label: "Ad layout", Icon: "layout-template",
		Description: "Headline, subline and call to action in your brand's fonts and colours, laid out on every final.",
		Inputs:      []executor.Port{{Name: "vars", Label: "Variables", Kind: executor.KindData}},
		Output:      executor.AdLayoutOutput{}, OpenInputs: true}
}

// Check refuses a brand kit that is not the graph owner's.
func (a adLayout) Check(c *AdLayoutConfig, w executor.Wiring) []fault.Field {
	if c.BrandKitID == "" || w.Owner == "" || a.kits == nil {
		return nil
	}
	if !a.kits.Owned(context.Background(), w.Owner, c.BrandKitID) {
		return []fault.Field{{Location: "brand_kit_id", Message: "choose one of your brand kits"}}
	}
	return nil
}

// Warn names the variables no connected node provides.
func (adLayout) Warn(c *AdLayoutConfig, w executor.Wiring) []fault.Field {
	var out []fault.Field
	for field, t := range map[string]string{"headline": c.Headline, "subline": c.Subline, "cta": c.CTA} {
		if missing := prompt.Unprovided(t, w.Names()); len(missing) > 0 {
			out = append(out, fault.Field{Location: field, Message: "no connected node provides {{" + strings.Join(missing, "}}, {{") + "}}"})
		}
	}
	return out
}

// Reuse is never: the brand kit it reads may have changed since (the
// node is cheap; what follows it is reused when its output is the same).
func (adLayout) Reuse(AdLayoutConfig) (bool, time.Duration) { return false, 0 }

// Pure says an estimate may run the node to foresee what follows it: it
// calls no outside service, pays nothing and writes nothing.
func (adLayout) Pure() bool { return true }

// Run fills the templates and reads the brand kit.
func (a adLayout) Run(ctx context.Context, r *executor.Run, c AdLayoutConfig) (*executor.Result, error) {
	l := executor.Layout{TextPosition: c.TextPosition, LogoPosition: c.LogoPosition, Scrim: c.Scrim, Brand: executor.DefaultBrand, Node: r.NodeName}
	for _, t := range []struct {
		name string
		tmpl string
		out  *string
	}{{"headline", c.Headline, &l.Headline}, {"subline", c.Subline, &l.Subline}, {"call to action", c.CTA, &l.CTA}} {
		text, err := prompt.Render(ctx, t.tmpl, r.Inputs)
		if err != nil {
			return nil, fmt.Errorf("the %s: %w", t.name, err)
		}
		*t.out = strings.TrimSpace(text)
	}
	if c.BrandKitID != "" {
		b, err := a.kits.Kit(ctx, r.Owner, c.BrandKitID)
		if err != nil {
			return nil, fmt.Errorf("the brand kit: %w", err)
		}
		l.Brand = b
	}
	return &executor.Result{Output: executor.OutputOf(executor.AdLayoutOutput{Layout: l})}, nil
}
