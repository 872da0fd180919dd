package main

import (
	"bytes"
	"encoding/json"
	"mime/multipart"
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/visualadgen/visualadgen/backend/internal/imaging"
)

// upload posts one file as the multipart field "image".
func upload(t *testing.T, base, ctype string, data []byte) (int, map[string]any) {
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	h := make(map[string][]string)
	h["Content-Disposition"] = []string{`form-data; name="image"; filename="photo"`}
	h["Content-Type"] = []string{ctype}
	part, err := mw.CreatePart(h)
	require.NoError(t, err)
	_, _ = part.Write(data)
	require.NoError(t, mw.Close())
	res, err := http.Post(base+"/api/uploads", mw.FormDataContentType(), &buf)
	require.NoError(t, err)
	defer res.Body.Close()
	var out map[string]any
	_ = json.NewDecoder(res.Body).Decode(&out)
	return res.StatusCode, out
}

// TestUploadProductPhoto stores a PNG, serves it back, and refuses a file
// that only claims to be an image.
func TestUploadProductPhoto(t *testing.T) {
	base := startServer(t, nil)
	img, err := imaging.Preview("product", "m", 0, 64, 64)
	require.NoError(t, err)
	code, out := upload(t, base, "image/png", img)
	require.Equal(t, 200, code, out)
	url := out["url"].(string)
	require.Regexp(t, `^/files/u/[0-9a-f]{32}\.png$`, url)
	code, body := get(t, base+url)
	require.Equal(t, 200, code)
	require.Equal(t, string(img), body)

	code, out = upload(t, base, "image/png", []byte("<html>not an image</html>"))
	require.Equal(t, 422, code)
	require.Contains(t, out["detail"], "not a PNG, JPEG or WebP image (it reads as text/html)")
}
