package blob

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

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

// TestLocalDelete deletes what Put stored, skips what is gone or not this
// folder's, and sweeps only old files no URL names.
func TestLocalDelete(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	l := Local{Dir: dir, Prefix: "/files"}
	kept, err := l.Put(ctx, NewKey(), "image/png", png)
	require.NoError(t, err)
	require.Regexp(t, `^/files/u/[0-9a-f]{32}\.png$`, kept)
	gone, err := l.Put(ctx, NewKey(), "image/png", png)
	require.NoError(t, err)
	require.NoError(t, l.Delete(ctx, gone, gone, "https://elsewhere/x.png"))
	_, err = l.Get(ctx, gone)
	require.ErrorContains(t, err, "no such image")

	stray, fresh := filepath.Join(dir, "uploads", "someone", "old.png"), filepath.Join(dir, "u", "new.png")
	for _, f := range []string{stray, fresh} {
		require.NoError(t, os.MkdirAll(filepath.Dir(f), 0o755))
		require.NoError(t, os.WriteFile(f, png, 0o644))
	}
	old := time.Now().Add(-2 * time.Hour)
	require.NoError(t, os.Chtimes(stray, old, old))
	oldKept := filepath.Join(dir, filepath.FromSlash(strings.TrimPrefix(kept, "/files/")))
	require.NoError(t, os.Chtimes(oldKept, old, old))
	n, size, err := l.Strays(ctx, func(u string) bool { return u == kept }, time.Now().Add(-time.Hour))
	require.NoError(t, err)
	require.Equal(t, 1, n, "only the old file no URL names")
	require.EqualValues(t, len(png), size)
	require.NoFileExists(t, stray)
	require.NoDirExists(t, filepath.Dir(stray), "its emptied folder goes too")
	require.FileExists(t, fresh, "a file written within the hour may be a row being saved")
	require.FileExists(t, oldKept)
}

// fakeStorage is Supabase Storage's object routes as the backend uses them:
// upload, public download, and storage-js's remove().
type fakeStorage struct {
	objects map[string][]byte // by bucket/name
	removes [][]string        // the names of each remove
}

// ServeHTTP answers like Storage.
func (f *fakeStorage) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch {
	case r.Method == http.MethodPost && strings.HasPrefix(r.URL.Path, "/storage/v1/object/"):
		f.objects[strings.TrimPrefix(r.URL.Path, "/storage/v1/object/")], _ = io.ReadAll(r.Body)
		_, _ = w.Write([]byte(`{"Id":"1","Key":"k"}`))
	case r.Method == http.MethodGet && strings.HasPrefix(r.URL.Path, "/storage/v1/object/public/"):
		b, ok := f.objects[strings.TrimPrefix(r.URL.Path, "/storage/v1/object/public/")]
		if !ok {
			http.Error(w, `{"message":"Object not found"}`, http.StatusBadRequest)
			return
		}
		_, _ = w.Write(b)
	case r.Method == http.MethodDelete && strings.HasPrefix(r.URL.Path, "/storage/v1/object/"):
		bucket := strings.TrimPrefix(r.URL.Path, "/storage/v1/object/")
		var body struct {
			Prefixes []string `json:"prefixes"`
		}
		if json.NewDecoder(r.Body).Decode(&body) != nil || len(body.Prefixes) == 0 || len(body.Prefixes) > 1000 || strings.Contains(bucket, "/") {
			http.Error(w, `{"message":"bad request"}`, http.StatusBadRequest)
			return
		}
		f.removes = append(f.removes, body.Prefixes)
		for _, name := range body.Prefixes {
			delete(f.objects, bucket+"/"+name)
		}
		_, _ = w.Write([]byte(`[]`))
	default:
		http.NotFound(w, r)
	}
}

// TestSupabaseDelete removes objects as storage-js's remove() does: one
// DELETE on the bucket with their names as "prefixes"; a URL of another
// store is skipped.
func TestSupabaseDelete(t *testing.T) {
	ctx := context.Background()
	fake := &fakeStorage{objects: map[string][]byte{}}
	srv := httptest.NewServer(fake)
	defer srv.Close()
	s := Supabase{URL: srv.URL, SecretKey: "sb_secret_x", Bucket: "ad-images"}
	a, err := s.Put(ctx, NewKey(), "image/png", png)
	require.NoError(t, err)
	b, err := s.Put(ctx, NewKey(), "image/png", png)
	require.NoError(t, err)
	require.NoError(t, s.Delete(ctx, a, "/files/u/b.png", "https://elsewhere/x.png"))
	require.Len(t, fake.removes, 1)
	require.Equal(t, []string{strings.TrimPrefix(a, srv.URL+"/storage/v1/object/public/ad-images/")}, fake.removes[0])
	_, err = s.Get(ctx, a)
	require.Error(t, err, "deleted")
	got, err := s.Get(ctx, b)
	require.NoError(t, err)
	require.Equal(t, png, got, "the other object stays")
	require.NoError(t, s.Delete(ctx, "https://elsewhere/x.png"))
	require.Len(t, fake.removes, 1, "nothing of ours: no request")
}
