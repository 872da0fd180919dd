package httpapi

import (
	"context"
	"errors"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"github.com/visualadgen/visualadgen/backend/internal/reddit"
)

// RedditInput is the brief's body: {"subreddit", "sort", "limit"}.
type RedditInput struct {
	Body struct {
		Subreddit string `json:"subreddit" pattern:"^[A-Za-z0-9_]{2,21}$" doc:"without r/"`
		Sort      string `json:"sort,omitempty" enum:"hot,new,rising,top" default:"hot"`
		Limit     int    `json:"limit,omitempty" minimum:"1" maximum:"100" default:"10"`
	}
}

// RedditOutput is the brief's answer: {"posts", "trends"}.
type RedditOutput struct {
	Body struct {
		Posts  []reddit.Post `json:"posts"`
		Trends []string      `json:"trends"`
	}
}

// handleReddit fetches a subreddit's posts and their trends.
func handleReddit(c *reddit.Client) func(context.Context, *RedditInput) (*RedditOutput, error) {
	return func(ctx context.Context, in *RedditInput) (*RedditOutput, error) {
		posts, err := c.Posts(ctx, in.Body.Subreddit, in.Body.Sort, in.Body.Limit)
		var re *reddit.Error
		if errors.As(err, &re) {
			status := http.StatusBadGateway
			if c.Key == "" {
				status = http.StatusServiceUnavailable
			}
			return nil, huma.NewError(status, re.Message)
		}
		if err != nil {
			return nil, huma.Error502BadGateway("RapidAPI could not be reached")
		}
		out := &RedditOutput{}
		out.Body.Posts, out.Body.Trends = posts, reddit.Trends(posts, 10)
		return out, nil
	}
}
