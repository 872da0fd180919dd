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
	s.authorize(req)
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

// deleteBatch is the most object names sent in one delete: Storage's
// deleteObjects route takes 1 to 1000 (supabase/storage,
// src/http/routes/object/deleteObjects.ts: prefixes minItems 1, maxItems 1000).
const deleteBatch = 500

// Delete removes objects by their public URLs, as storage-js's remove does
// (supabase/storage-js, src/packages/StorageFileApi.ts, remove():
// DELETE {url}/object/{bucket} with the JSON body {"prefixes": [names]}, the
// names being exact object paths in the bucket). Storage answers 200 with
// the objects it deleted; a name that was already gone is simply not in it.
func (s Supabase) Delete(ctx context.Context, urls ...string) error {
	var names []string
	for _, u := range urls {
		if name, ok := strings.CutPrefix(u, s.URL+"/storage/v1/object/public/"+s.Bucket+"/"); ok && name != "" {
			names = append(names, name)
		}
	}
	for len(names) > 0 {
		n := min(len(names), deleteBatch)
		if err := s.remove(ctx, names[:n]); err != nil {
			return err
		}
		names = names[n:]
	}
	return nil
}

// remove sends one delete of up to deleteBatch object names.
func (s Supabase) remove(ctx context.Context, names []string) error {
	body, err := json.Marshal(map[string][]string{"prefixes": names})
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodDelete, s.URL+"/storage/v1/object/"+s.Bucket, bytes.NewReader(body))
	if err != nil {
		return err
	}
	s.authorize(req)
	req.Header.Set("Content-Type", "application/json")
	res, err := s.client().Do(req)
	if err != nil {
		return fmt.Errorf("supabase storage: delete %d objects: %w", len(names), err)
	}
	defer res.Body.Close()
	msg, _ := io.ReadAll(io.LimitReader(res.Body, 4096))
	if res.StatusCode/100 != 2 {
		var e struct {
			Message string `json:"message"`
		}
		_ = json.Unmarshal(msg, &e)
		return fmt.Errorf("supabase storage: delete %d objects: %d %s", len(names), res.StatusCode, e.Message)
	}
	return nil
}

// authorize sends the secret key: in the apikey header, and as a bearer
// token when it is a legacy JWT key.
func (s Supabase) authorize(req *http.Request) {
	req.Header.Set("apikey", s.SecretKey)
	if strings.HasPrefix(s.SecretKey, "eyJ") {
		req.Header.Set("Authorization", "Bearer "+s.SecretKey)
	}
}

// client returns the HTTP client to use.
func (s Supabase) client() *http.Client { return http.DefaultClient }
