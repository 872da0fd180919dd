package blob

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"
)

// Supabase stores images in a public Supabase Storage bucket.
type Supabase struct {
	URL       string // project URL
	SecretKey string // secret (or legacy service_role) key
	Bucket    string
	// CacheSeconds is the cache-control max-age each upload is sent with
	// (storage-js sends "max-age=3600" by default; without the header an
	// object gets Storage's default policy).
	CacheSeconds int
}

// Put uploads with the secret key and returns the object's public URL.
func (s Supabase) Put(ctx context.Context, key, contentType string, data []byte) (string, error) {
	ext, err := Check(contentType, len(data))
	if err != nil {
		return "", err
	}
	obj := s.Bucket + "/" + key + ext
	ctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.URL+"/storage/v1/object/"+obj, bytes.NewReader(data))
	if err != nil {
		return "", err
	}
	req.Header.Set("apikey", s.SecretKey)
	if strings.HasPrefix(s.SecretKey, "eyJ") { // a legacy JWT key also goes as a bearer token
		req.Header.Set("Authorization", "Bearer "+s.SecretKey)
	}
	req.Header.Set("Content-Type", contentType)
	req.Header.Set("x-upsert", "true")
	req.Header.Set("cache-control", fmt.Sprintf("max-age=%d", s.CacheSeconds))
	res, err := s.client().Do(req)
	if err != nil {
		return "", fmt.Errorf("supabase storage: upload %s: %w", obj, err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(res.Body, 4096))
	if res.StatusCode/100 != 2 {
		var e struct {
			Message string `json:"message"`
		}
		_ = json.Unmarshal(body, &e)
		return "", fmt.Errorf("supabase storage: upload %s: %d %s", obj, res.StatusCode, e.Message)
	}
	return s.URL + "/storage/v1/object/public/" + obj, nil
}

// Get downloads a public object by its URL.
func (s Supabase) Get(ctx context.Context, url string) ([]byte, error) {
	if !strings.HasPrefix(url, s.URL+"/storage/v1/object/public/") {
		return nil, fmt.Errorf("supabase storage: not one of our image URLs: %s", url)
	}
	ctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	res, err := s.client().Do(req)
	if err != nil {
		return nil, fmt.Errorf("supabase storage: download: %w", err)
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("supabase storage: download: status %d", res.StatusCode)
	}
	return io.ReadAll(io.LimitReader(res.Body, MaxSize+1))
}

// client returns the HTTP client to use.
func (s Supabase) client() *http.Client { return http.DefaultClient }
