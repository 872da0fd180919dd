package main

import (
	"fmt"
	"math/rand/v2"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"
)

// placementGraph is TEXT -> PROMPT -> IMAGE_MODEL -> OUTPUT at three
// placements of three ratios (one FAL request per ratio), and the model's
// id.
func placementGraph(product string) (obj, string) {
	text, prompt, model, out := uuid.NewString(), uuid.NewString(), uuid.NewString(), uuid.NewString()
	return obj{"nodes": []obj{node(text, "TEXT_INPUT", "Product", obj{"value": product}),
		node(prompt, "PROMPT", "Prompt", obj{"template": "A bright spring ad photo of {{text}}, no text"}),
		node(model, "IMAGE_MODEL", "Model", obj{"model": "fal-ai/flux/schnell"}),
		node(out, "OUTPUT", "Ads", obj{"num_images": 1, "placements": []string{"meta_feed_portrait", "meta_stories", "google_display_landscape"}})},
		"edges": []obj{edge(text, prompt, ""), edge(prompt, model, "prompt"), edge(model, out, "image_urls")}}, model
}

// TestEveryRequestIsSentOnce runs the three-placement run 30 times on
// SQLite and 30 times on Postgres shared by two replicas, three runs at a
// time, against a FAL that answers submits after 0-20 ms and completes
// every third request at once (its watcher wakes the node's job while the
// next requests are being sent) and the others after 0-50 ms. Every run
// sends exactly one request per ratio, whichever attempt, wake or replica
// gets to its slot. The runs go until the image model (the model plans its
// requests from the Output's placements all the same): the Output's
// drawing, slow under the race detector, is not what this tests.
func TestEveryRequestIsSentOnce(t *testing.T) {
	const runs, together = 30, 3
	for _, kind := range databases {
		t.Run(kind, func(t *testing.T) {
			t.Parallel()
			fake, env := withFAL(t, map[string]string{"DATA_DIR": t.TempDir()})
			var mu sync.Mutex
			rng := rand.New(rand.NewPCG(uint64(len(kind)), 19))
			random := func(limit time.Duration) time.Duration {
				mu.Lock()
				defer mu.Unlock()
				return time.Duration(rng.Int64N(int64(limit)))
			}
			fake.SubmitDelay = func() time.Duration { return random(20 * time.Millisecond) }
			fake.Latency = func(n int) time.Duration {
				if n%3 == 1 {
					return 0
				}
				return random(50 * time.Millisecond)
			}
			env = withDatabase(t, kind, env)
			replicas := []api{{t: t, base: startServer(t, env)}}
			if kind == "postgres" {
				replicas = append(replicas, api{t: t, base: startServer(t, env)}) // a second replica on the same database and files
			}
			sem := make(chan struct{}, together)
			var wg sync.WaitGroup
			for i := range runs {
				wg.Add(1)
				sem <- struct{}{}
				go func() {
					defer wg.Done()
					defer func() { <-sem }()
					g, model := placementGraph(fmt.Sprintf("sneakers no. %d", i))
					runGraphWith(t, replicas[i%len(replicas)], g, "COMPLETED", obj{"until": model})
				}()
			}
			wg.Wait()
			perRun := map[string]map[string]int{}
			for _, s := range fake.Sent() {
				p := s.Input["prompt"].(string)
				if perRun[p] == nil {
					perRun[p] = map[string]int{}
				}
				perRun[p][fmt.Sprint(s.Input["image_size"])]++
			}
			require.Len(t, perRun, runs)
			for p, sizes := range perRun {
				require.Len(t, sizes, 3, p)
				for size, n := range sizes {
					require.Equal(t, 1, n, "%s at %s was sent %d times", p, size, n)
				}
			}
		})
	}
}
