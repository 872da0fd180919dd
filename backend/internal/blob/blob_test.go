package blob

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// png is the smallest bytes that pass the type check as image/png.
var png = []byte("\x89PNG\r\n\x1a\n")

// TestLocal stores, reads back, and refuses non-images and escapes.
func TestLocal(t *testing.T) {
	l := Local{Dir: t.TempDir(), Prefix: "/files"}
	url, err := l.Put(context.Background(), "gen/../../x", "image/png", png)
	require.NoError(t, err)
	require.Equal(t, "/files/x.png", url, "the key cannot leave the folder")
	b, err := l.Get(context.Background(), url)
	require.NoError(t, err)
	require.Equal(t, png, b)
	_, err = l.Put(context.Background(), "k", "text/html", []byte("<script>"))
	require.ErrorContains(t, err, "not an accepted type")
	_, err = l.Get(context.Background(), "https://elsewhere/x.png")
	require.Error(t, err)
}

// TestSupabaseStorage uploads with the secret key as Storage expects and
// returns the public URL.
func TestSupabaseStorage(t *testing.T) {
	var gotPath, gotKey, gotAuth, gotUpsert, gotCache string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodGet {
			_, _ = w.Write(png)
			return
		}
		gotPath, gotKey, gotAuth, gotUpsert = r.URL.Path, r.Header.Get("apikey"), r.Header.Get("Authorization"), r.Header.Get("x-upsert")
		gotCache = r.Header.Get("cache-control")
		body, _ := io.ReadAll(r.Body)
		if !strings.HasPrefix(string(body), "\x89PNG") {
			http.Error(w, `{"message":"bad body"}`, 400)
			return
		}
		_, _ = w.Write([]byte(`{"Id":"1","Key":"ad-images/a/b.png"}`))
	}))
	defer srv.Close()
	s := Supabase{URL: srv.URL, SecretKey: "sb_secret_x", Bucket: "ad-images", CacheSeconds: 3600}
	url, err := s.Put(context.Background(), "a/b", "image/png", png)
	require.NoError(t, err)
	require.Equal(t, "/storage/v1/object/ad-images/a/b.png", gotPath)
	require.Equal(t, "sb_secret_x", gotKey)
	require.Empty(t, gotAuth, "new sb_secret keys are not JWTs")
	require.Equal(t, "true", gotUpsert)
	require.Equal(t, "max-age=3600", gotCache, "as storage-js sends by default")
	require.Equal(t, srv.URL+"/storage/v1/object/public/ad-images/a/b.png", url)
	b, err := s.Get(context.Background(), url)
	require.NoError(t, err)
	require.Equal(t, png, b)

	legacy := Supabase{URL: srv.URL, SecretKey: "eyJhbGciOi.legacy", Bucket: "ad-images"}
	_, err = legacy.Put(context.Background(), "a/c", "image/png", png)
	require.NoError(t, err)
	require.Equal(t, "Bearer eyJhbGciOi.legacy", gotAuth)
}
