package reddit_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/visualadgen/visualadgen/backend/internal/reddit"
	"github.com/visualadgen/visualadgen/backend/internal/reddit/reddittest"
)

// TestPostsAndTrends reads posts through the fake and finds the topic.
func TestPostsAndTrends(t *testing.T) {
	s := reddittest.New("k")
	defer s.Close()
	c := &reddit.Client{BaseURL: s.URL, Host: "reddit34.p.rapidapi.com", Key: "k"}
	posts, err := c.Posts(context.Background(), reddit.Query{Subreddit: "sneakers", Sort: "hot", Limit: 2})
	require.NoError(t, err)
	require.Len(t, posts, 2)
	require.Equal(t, 5400, posts[0].Score)
	require.Equal(t, "/getPostsBySubreddit?sort=hot&subreddit=sneakers", s.Calls[0])
	_, err = c.Posts(context.Background(), reddit.Query{Subreddit: "sneakers", Sort: "top", Limit: 10})
	require.NoError(t, err)
	require.Contains(t, s.Calls[1], "/getTopPostsBySubreddit?")
	all, _ := c.Posts(context.Background(), reddit.Query{Subreddit: "sneakers", Sort: "new", Limit: 10})
	require.Equal(t, "retro sneakers", reddit.Trends(all, 5)[0])
}

// TestErrors checks each failure's message.
func TestErrors(t *testing.T) {
	s := reddittest.New("k")
	defer s.Close()
	ctx := context.Background()
	bad := &reddit.Client{BaseURL: s.URL, Host: "h", Key: "wrong"}
	_, err := bad.Posts(ctx, reddit.Query{Subreddit: "sneakers", Sort: "hot", Limit: 5})
	require.ErrorContains(t, err, "refused the key")
	c := &reddit.Client{BaseURL: s.URL, Host: "h", Key: "k"}
	_, err = c.Posts(ctx, reddit.Query{Subreddit: "doesnotexist", Sort: "hot", Limit: 5})
	require.ErrorContains(t, err, "success: false")
	_, err = (&reddit.Client{BaseURL: s.URL}).Posts(ctx, reddit.Query{Subreddit: "sneakers", Sort: "hot", Limit: 5})
	require.ErrorContains(t, err, "RAPIDAPI_KEY is not set")
	s.Limit429 = 2
	_, err = c.Posts(ctx, reddit.Query{Subreddit: "sneakers", Sort: "hot", Limit: 5})
	require.NoError(t, err, "429 is retried, honouring Retry-After")
}

// FuzzTrends checks that any titles give lower-case topics without stop words.
func FuzzTrends(f *testing.F) {
	f.Add("The AI boom is here", "AI boom 2026!!", int64(10))
	f.Fuzz(func(t *testing.T, a, b string, score int64) {
		posts := []reddit.Post{{Title: a, Score: int(score % 1e6)}, {Title: b}}
		for _, tr := range reddit.Trends(posts, 10) {
			require.NotEmpty(t, tr)
			require.NotContains(t, []string{"the", "and", "is"}, tr)
		}
	})
}
