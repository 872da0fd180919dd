package executor

import (
	"context"
	"errors"
	"time"

	"github.com/visualadgen/visualadgen/backend/internal/reddit"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// SocialMediaType is the node type of SocialMedia.
const SocialMediaType workflow.NodeType = "SOCIAL_MEDIA"

// SocialMediaConfig is SOCIAL_MEDIA's config: the brief's {platform,
// subreddit, sort, limit}.
type SocialMediaConfig struct {
	reddit.Query
	Platform string `json:"platform,omitempty" title:"Platform" enum:"reddit" default:"reddit"`
}

// socialMedia reads what is trending on a subreddit:
// {platform, subreddit, sort, limit} -> {posts, trends}.
type socialMedia struct {
	reddit *reddit.Client
}

// NewSocialMedia returns the SOCIAL_MEDIA executor.
func NewSocialMedia(c *reddit.Client) Executor {
	return Typed[SocialMediaConfig](socialMedia{reddit: c})
}

// Describe describes SOCIAL_MEDIA, saying so when no RapidAPI key is set.
func (s socialMedia) Describe() Description {
	d := Description{Type: SocialMediaType, Label: "Social media", Icon: "trending-up",
		Description: "What is trending on a subreddit (via RapidAPI).",
		Output:      SocialMediaOutput{}}
	if s.reddit == nil || s.reddit.Key == "" {
		d.Notice = "RAPIDAPI_KEY is not set on this server: runs with this node are refused until it is"
		d.Unavailable = "this server has no RAPIDAPI_KEY, so it cannot read Reddit: remove this node, or ask the server's operator to set the key"
	}
	return d
}

// Reuse keeps an earlier read only as long as the Reddit cache would.
func (s socialMedia) Reuse(SocialMediaConfig) (bool, time.Duration) {
	if s.reddit == nil || s.reddit.CacheFor <= 0 {
		return false, 0
	}
	return true, s.reddit.CacheFor
}

// Run fetches posts and extracts trends.
func (s socialMedia) Run(ctx context.Context, _ *Run, c SocialMediaConfig) (*Result, error) {
	posts, err := s.reddit.Posts(ctx, c.Query)
	var re *reddit.Error
	if errors.As(err, &re) && re.Retryable {
		return nil, Retryable(err)
	}
	if err != nil {
		return nil, err
	}
	return &Result{Output: OutputOf(SocialMediaOutput{Posts: posts, Trends: reddit.Trends(posts, 10)})}, nil
}
