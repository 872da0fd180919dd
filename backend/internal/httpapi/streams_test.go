package httpapi

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestStreamsAreShared fills a process of 10 streams (3 a user) with one
// user's 3 and crowds: when the process is full, a user with fewer streams
// takes the oldest stream of the user with the most, so a hundred accounts
// cannot hold every live view, and no user holds more than a share.
func TestStreamsAreShared(t *testing.T) {
	s := newStreams(3, 10, nil)
	ended := map[string]int{}
	open := func(user string) error {
		_, err := s.acquire(user, func() { ended[user]++ })
		return err
	}
	for i := range 3 {
		require.NoError(t, open("heavy"), i)
	}
	require.Error(t, open("heavy"), "three a user")
	for i := range 7 {
		require.NoError(t, open(fmt.Sprint("crowd ", i/3)), i) // crowd 0, 1: 3 each; crowd 2: 1
	}
	require.Equal(t, 10, s.total)
	require.NoError(t, open("newcomer"), "a full process makes room for a user with none")
	require.Equal(t, 1, ended["heavy"]+ended["crowd 0"]+ended["crowd 1"], "by ending one stream of a user with the most")
	require.Equal(t, 10, s.total)
	require.NoError(t, open("newcomer"))
	require.Equal(t, 2, ended["heavy"]+ended["crowd 0"]+ended["crowd 1"])
	require.NoError(t, open("crowd 2"), "the last user holding 3 gives one up")
	require.Equal(t, 3, ended["heavy"]+ended["crowd 0"]+ended["crowd 1"])
	require.Error(t, open("crowd 2"), "2 against 2: nobody holds more than a share")
	for u, list := range s.perUser {
		require.Equal(t, 2, len(list), u)
	}
}
