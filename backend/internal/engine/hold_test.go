package engine

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestOneAttemptAtATime holds a node job for its attempt: a second attempt
// waits while the first works, runs once it returned, and runs anyway when
// the first has hung a minute past the node timeout.
func TestOneAttemptAtATime(t *testing.T) {
	e := &Engine{holding: map[Job]time.Time{}, cfg: Config{NodeTimeout: time.Minute}}
	j := Job{ExecutionID: "x", NodeID: "n"}
	release, ok := e.hold(j)
	require.True(t, ok)
	_, ok = e.hold(j)
	require.False(t, ok, "the first attempt still works")
	_, ok = e.hold(Job{ExecutionID: "x", NodeID: "other"})
	require.True(t, ok, "another node is not held up")
	release()
	release2, ok := e.hold(j)
	require.True(t, ok, "the first attempt returned")
	e.holding[j] = time.Now().Add(-2*time.Minute - time.Second)
	_, ok = e.hold(j)
	require.True(t, ok, "an attempt hung a minute past the node timeout holds its node no longer")
	release2() // the hung attempt returning late does not free the new one's hold
	_, ok = e.hold(j)
	require.False(t, ok)
}
