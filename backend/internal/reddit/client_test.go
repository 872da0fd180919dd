package reddit_test

import (
	"context"
	"testing"
	"time"

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
	_, err = c.Posts(context.Background(), reddit.Query{Subreddit: "sneakers", Sort: "top", Time: "week", Limit: 10})
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

// TestQuotaFailsAtOnce stops at RapidAPI's used-up quota (429, or 403 on
// some plans) without retrying: it will not come back within a run.
func TestQuotaFailsAtOnce(t *testing.T) {
	for _, status := range []int{429, 403} {
		s := reddittest.New("k")
		s.QuotaStatus = status
		c := &reddit.Client{BaseURL: s.URL, Host: "h", Key: "k"}
		_, err := c.Posts(context.Background(), reddit.Query{Subreddit: "sneakers", Sort: "hot", Limit: 5})
		var re *reddit.Error
		require.ErrorAs(t, err, &re)
		require.True(t, re.Quota)
		require.False(t, re.Retryable)
		require.ErrorContains(t, err, "quota for reddit34 is used up")
		require.ErrorContains(t, err, "MONTHLY quota")
		require.Len(t, s.Calls, 1, "one call, no retries")
		s.Close()
	}
}

// TestAnswersAreShared reads the same subreddit, sort and period ten times
// (with different limits) with one call, and another period with another.
func TestAnswersAreShared(t *testing.T) {
	s := reddittest.New("k")
	defer s.Close()
	c := &reddit.Client{BaseURL: s.URL, Host: "h", Key: "k", CacheFor: time.Minute}
	for i := range 10 {
		posts, err := c.Posts(context.Background(), reddit.Query{Subreddit: "Sneakers", Sort: "top", Time: "day", Limit: 1 + i%3})
		require.NoError(t, err)
		require.Len(t, posts, 1+i%3)
	}
	require.Len(t, s.Calls, 1, "ten reads, one call")
	require.Equal(t, "/getTopPostsBySubreddit?subreddit=Sneakers&time=day", s.Calls[0])
	_, err := c.Posts(context.Background(), reddit.Query{Subreddit: "sneakers", Sort: "top", Time: "month", Limit: 3})
	require.NoError(t, err)
	require.Len(t, s.Calls, 2)
	s.QuotaStatus = 429
	_, err = c.Posts(context.Background(), reddit.Query{Subreddit: "sneakers", Sort: "top", Time: "day", Limit: 3})
	require.NoError(t, err, "still cached: the quota is not touched")
	short := &reddit.Client{BaseURL: s.URL, Host: "h", Key: "k", CacheFor: time.Nanosecond}
	_, err = short.Posts(context.Background(), reddit.Query{Subreddit: "sneakers", Sort: "hot", Limit: 3})
	require.ErrorContains(t, err, "quota", "an expired answer is read again")
}
