package executor

import (
	"context"
	"encoding/json"
	"errors"

	"github.com/visualadgen/visualadgen/backend/internal/reddit"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// SocialMedia reads what is trending on a subreddit:
// {platform, subreddit, sort, limit} -> {posts, trends}.
type SocialMedia struct {
	Reddit *reddit.Client
}

// socialConfig is SOCIAL_MEDIA's config.
type socialConfig struct {
	Platform  string `json:"platform"`
	Subreddit string `json:"subreddit"`
	Sort      string `json:"sort"`
	Limit     int    `json:"limit"`
}

// Type returns SOCIAL_MEDIA.
func (SocialMedia) Type() workflow.NodeType { return workflow.SocialMedia }

// Spec describes SOCIAL_MEDIA.
func (SocialMedia) Spec() Spec {
	return Spec{Type: workflow.SocialMedia, Label: "Social media", Description: "What is trending on a subreddit (via RapidAPI).",
		ConfigSchema: schema([]string{"subreddit"}, map[string]any{
			"platform":  map[string]any{"type": "string", "enum": []string{"reddit"}, "default": "reddit", "title": "Platform"},
			"subreddit": map[string]any{"type": "string", "title": "Subreddit", "pattern": "^[A-Za-z0-9_]{2,21}$"},
			"sort":      map[string]any{"type": "string", "enum": reddit.Sorts, "default": "hot", "title": "Sort"},
			"limit":     map[string]any{"type": "integer", "minimum": 1, "maximum": 100, "default": 10, "title": "Posts"},
		}),
		Outputs:  []Port{{Name: "posts", Label: "Posts", Kind: "data"}, {Name: "trends", Label: "Trends", Kind: "data"}},
		Defaults: map[string]any{"platform": "reddit", "subreddit": "", "sort": "hot", "limit": 10}}
}

// config decodes with defaults.
func (SocialMedia) config(raw json.RawMessage) (socialConfig, []FieldError) {
	c := socialConfig{Platform: "reddit", Sort: "hot", Limit: 10}
	if errs := decodeConfig(raw, &c); errs != nil {
		return c, errs
	}
	if c.Platform != "reddit" {
		return c, []FieldError{{Field: "platform", Message: "only reddit is supported"}}
	}
	if err := reddit.Validate(c.Subreddit, c.Sort, c.Limit); err != nil {
		field := "subreddit"
		if c.Subreddit != "" && reddit.Validate(c.Subreddit, "hot", 1) == nil {
			field = map[bool]string{true: "limit", false: "sort"}[reddit.Validate(c.Subreddit, c.Sort, 1) == nil]
		}
		return c, []FieldError{{Field: field, Message: err.Error()}}
	}
	return c, nil
}

// Validate checks platform, subreddit, sort and limit.
func (s SocialMedia) Validate(raw json.RawMessage) []FieldError {
	_, errs := s.config(raw)
	return errs
}

// Run fetches posts and extracts trends.
func (s SocialMedia) Run(ctx context.Context, r *Run) (*Result, error) {
	c, errs := s.config(r.Config)
	if err := configError(errs); err != nil {
		return nil, err
	}
	posts, err := s.Reddit.Posts(ctx, c.Subreddit, c.Sort, c.Limit)
	var re *reddit.Error
	if errors.As(err, &re) && re.Retryable {
		return nil, Retryable(err)
	}
	if err != nil {
		return nil, err
	}
	return &Result{Output: map[string]any{"posts": posts, "trends": reddit.Trends(posts, 10)}}, nil
}
