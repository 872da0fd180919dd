package main

import (
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/visualadgen/visualadgen/backend/internal/imaging"
)

// TestUploadQuotaHoldsUnderConcurrency sends 40 uploads at once against a
// quota of 5 files: exactly 5 are stored (on disk too), the rest are 413.
func TestUploadQuotaHoldsUnderConcurrency(t *testing.T) {
	img, err := imaging.Preview("p", "m", 0, 64, 64)
	require.NoError(t, err)
	for _, db := range databases {
		t.Run(db, func(t *testing.T) {
			c, files := filesServer(t, db, map[string]string{"UPLOAD_QUOTA_COUNT": "5"})
			const n = 40
			codes := make([]int, n)
			var start, wg sync.WaitGroup
			start.Add(1)
			for i := range n {
				wg.Add(1)
				go func() {
					defer wg.Done()
					start.Wait()
					codes[i], _ = multipartPost(t, c, "/api/uploads", "image", "p.png", "image/png", img, nil)
				}()
			}
			start.Done()
			wg.Wait()
			count := map[int]int{}
			for _, code := range codes {
				count[code]++
			}
			require.Equal(t, map[int]int{200: 5, 413: n - 5}, count)
			stored, size := onDisk(t, files)
			require.Equal(t, [2]int64{5, 5 * int64(len(img))}, [2]int64{int64(stored), size},
				"the refused uploads left nothing behind")
		})
	}
}

// TestStarterSampleIsOpaqueAndShared creates two workflows from the photo
// starter: its sample photo is stored once, at a path naming no user, and
// stays when the workflows go (it is the user's, for the next one).
func TestStarterSampleIsOpaqueAndShared(t *testing.T) {
	c, files := filesServer(t, "sqlite", nil)
	var urls []string
	for range 2 {
		var w obj
		require.Equal(t, 201, c.call("POST", "/api/workflows", obj{"name": "Photo", "starter": "product-photo-variations"}, &w), w)
		for _, n := range w["nodes"].([]any) {
			if u, ok := n.(obj)["config"].(obj)["image_url"].(string); ok {
				urls = append(urls, u)
			}
		}
		require.Equal(t, 204, c.call("DELETE", "/api/workflows/"+w["id"].(string), nil, nil))
	}
	require.Len(t, urls, 2)
	requireOpaque(t, urls[0])
	require.Equal(t, urls[0], urls[1], "one sample photo per user")
	stored, _ := onDisk(t, files)
	require.Equal(t, 1, stored)
}
