package httpapi

import (
	"context"
	"log/slog"

	"github.com/visualadgen/visualadgen/backend/internal/reddit"
)

// RedditInput is the brief's body: {"subreddit", "sort", "limit"}.
type RedditInput struct {
	Body reddit.Query
}

// RedditOutput is the brief's answer: {"posts", "trends"}.
type RedditOutput struct {
	Body struct {
		Posts  []reddit.Post `json:"posts"`
		Trends []string      `json:"trends"`
	}
}

// handleReddit fetches a subreddit's posts and their trends.
func handleReddit(c *reddit.Client, log *slog.Logger) func(context.Context, *RedditInput) (*RedditOutput, error) {
	return func(ctx context.Context, in *RedditInput) (*RedditOutput, error) {
		posts, err := c.Posts(ctx, in.Body)
		if err != nil {
			return nil, problem(log, err)
		}
		out := &RedditOutput{}
		out.Body.Posts, out.Body.Trends = posts, reddit.Trends(posts, 10)
		return out, nil
	}
}
