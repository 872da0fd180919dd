package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/visualadgen/visualadgen/backend/internal/imaging"
	"github.com/visualadgen/visualadgen/backend/internal/supabase"
)

// filesServer starts a server on db with its own DATA_DIR (plus env) and
// returns a client of the local user and the folder its files go to.
func filesServer(t *testing.T, db string, env map[string]string) (api, string) {
	t.Helper()
	dir := t.TempDir()
	vars := withDatabase(t, db, map[string]string{"DATA_DIR": dir})
	for k, v := range env {
		vars[k] = v
	}
	return api{t: t, base: startServer(t, vars)}, filepath.Join(dir, "files")
}

// onDisk counts the files under dir and their bytes.
func onDisk(t *testing.T, dir string) (files int, bytes int64) {
	t.Helper()
	err := filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		files, bytes = files+1, bytes+info.Size()
		return nil
	})
	if os.IsNotExist(err) {
		return 0, 0
	}
	require.NoError(t, err)
	return files, bytes
}

// requireOpaque checks a file URL names no user: an opaque path.
func requireOpaque(t *testing.T, url string) {
	t.Helper()
	require.Regexp(t, `^/files/u/[0-9a-f]{32}\.[a-z0-9]+$`, url)
	require.NotContains(t, url, supabase.LocalUser.ID)
}

// TestDeletedFontsLeaveNoFile uploads and deletes a font twelve times with
// room for one: each upload fits, its URL names no user, and each delete
// leaves no byte on disk.
func TestDeletedFontsLeaveNoFile(t *testing.T) {
	lato, err := os.ReadFile("../../internal/fonts/files/Lato-Regular.ttf")
	require.NoError(t, err)
	for _, db := range databases {
		t.Run(db, func(t *testing.T) {
			c, files := filesServer(t, db, map[string]string{"UPLOAD_QUOTA_COUNT": "1"})
			for i := range 12 {
				code, font := multipartPost(t, c, "/api/fonts", "font", "Lato.ttf", "font/ttf", lato, nil)
				require.Equal(t, 201, code, "cycle %d: %v", i, font)
				requireOpaque(t, font["url"].(string))
				require.True(t, strings.HasSuffix(font["url"].(string), ".ttf"))
				n, size := onDisk(t, files)
				require.Equal(t, [2]int64{1, int64(len(lato))}, [2]int64{int64(n), size})
				require.Equal(t, 204, c.call("DELETE", "/api/fonts/"+font["id"].(string), nil, nil))
				n, size = onDisk(t, files)
				require.Equal(t, [2]int64{0, 0}, [2]int64{int64(n), size}, "cycle %d leaves nothing", i)
			}
			var list obj
			require.Equal(t, 200, c.call("GET", "/api/fonts", nil, &list))
			require.Empty(t, list["uploaded"])
		})
	}
}

// TestDeletedUploadsLeaveNoFile does the same with an image, which a brand
// kit's logo holds until the kit lets it go.
func TestDeletedUploadsLeaveNoFile(t *testing.T) {
	img, err := imaging.Preview("logo", "m", 0, 300, 200)
	require.NoError(t, err)
	for _, db := range databases {
		t.Run(db, func(t *testing.T) {
			c, files := filesServer(t, db, map[string]string{"UPLOAD_QUOTA_COUNT": "1"})
			for i := range 12 {
				code, up := multipartPost(t, c, "/api/uploads", "image", "logo.png", "image/png", img, nil)
				require.Equal(t, 200, code, "cycle %d: %v", i, up)
				requireOpaque(t, up["url"].(string))
				require.Equal(t, 204, c.call("DELETE", "/api/uploads/"+up["id"].(string), nil, nil))
				n, size := onDisk(t, files)
				require.Equal(t, [2]int64{0, 0}, [2]int64{int64(n), size}, "cycle %d leaves nothing", i)
			}

			code, up := multipartPost(t, c, "/api/uploads", "image", "logo.png", "image/png", img, nil)
			require.Equal(t, 200, code, up)
			var kit, p obj
			require.Equal(t, 201, c.call("POST", "/api/brand-kits", obj{"name": "Acme", "logo_url": up["url"], "primary_color": "#cd202c"}, &kit), kit)
			require.Equal(t, 409, c.call("DELETE", "/api/uploads/"+up["id"].(string), nil, &p), "the kit's logo")
			require.Contains(t, p["detail"], `"Acme"`)
			require.Equal(t, 404, c.call("DELETE", "/api/uploads/"+uuid.NewString(), nil, nil))
			require.Equal(t, 204, c.call("DELETE", "/api/brand-kits/"+kit["id"].(string), nil, nil))
			require.Equal(t, 204, c.call("DELETE", "/api/uploads/"+up["id"].(string), nil, nil))
			n, _ := onDisk(t, files)
			require.Zero(t, n)
		})
	}
}

// photoGraph is TEXT_INPUT -> PROMPT -> IMAGE_MODEL (two images) ->
// OUTPUT (two finals at another ratio, so they are new files).
func photoGraph() obj {
	text, prompt, model, out := uuid.NewString(), uuid.NewString(), uuid.NewString(), uuid.NewString()
	return obj{"nodes": []obj{
		node(text, "TEXT_INPUT", "Product", obj{"value": "red sneakers"}),
		node(prompt, "PROMPT", "Prompt", obj{"template": "An ad for {{text}}"}),
		node(model, "IMAGE_MODEL", "Model", obj{"model": "fal-ai/flux/schnell", "parameters": obj{"num_images": 2, "aspect_ratio": "1:1"}}),
		node(out, "OUTPUT", "Output", obj{"num_images": 2, "aspect_ratio": "9:16"}),
	}, "edges": []obj{edge(text, prompt, ""), edge(prompt, model, ""), edge(model, out, "")}}
}

// TestDeletedWorkflowsLeaveNoFile runs a workflow (images generated and
// finals delivered, in preview mode), runs a copy of it in a second
// workflow (which reuses the first one's images and finals), and deletes
// the first: the second's files stay; deleting the second leaves no byte.
func TestDeletedWorkflowsLeaveNoFile(t *testing.T) {
	for _, db := range databases {
		t.Run(db, func(t *testing.T) {
			c, files := filesServer(t, db, nil)
			first, nodes := runGraph(t, c, photoGraph(), "COMPLETED")
			finals := nodes["Output"]["output_data"].(obj)["final_images"].([]any)
			require.Len(t, finals, 2)
			n, _ := onDisk(t, files)
			require.Equal(t, 4, n, "two generated images and two finals")

			second, nodes := runGraph(t, c, photoGraph(), "COMPLETED")
			require.NotNil(t, nodes["Model"]["reused_from"], "the copy reuses the images")
			require.NotNil(t, nodes["Output"]["reused_from"], "and the finals")
			require.Equal(t, finals, nodes["Output"]["output_data"].(obj)["final_images"])

			require.Equal(t, 204, c.call("DELETE", "/api/workflows/"+first["workflow_id"].(string), nil, nil))
			n, _ = onDisk(t, files)
			require.Equal(t, 4, n, "the second workflow's run still names them")
			for _, u := range finals {
				code, _ := get(t, c.base+u.(string))
				require.Equal(t, 200, code)
			}
			require.Equal(t, 204, c.call("DELETE", "/api/workflows/"+second["workflow_id"].(string), nil, nil))
			n, size := onDisk(t, files)
			require.Equal(t, [2]int64{0, 0}, [2]int64{int64(n), size})
		})
	}
}

// TestStartupSweepsStrayFiles stops a server, leaves files no row names in
// its folder (old enough not to be a row being saved, and one just
// written), and starts it again: the old strays are gone before it serves,
// the upload and the new file stay.
func TestStartupSweepsStrayFiles(t *testing.T) {
	img, err := imaging.Preview("p", "m", 0, 64, 64)
	require.NoError(t, err)
	for _, db := range databases {
		t.Run(db, func(t *testing.T) {
			dir := t.TempDir()
			env := withDatabase(t, db, map[string]string{"DATA_DIR": dir})
			var kept string
			t.Run("first start", func(t *testing.T) {
				c := api{t: t, base: startServer(t, env)}
				code, up := multipartPost(t, c, "/api/uploads", "image", "p.png", "image/png", img, nil)
				require.Equal(t, 200, code, up)
				kept = up["url"].(string)
			})
			files := filepath.Join(dir, "files")
			old := time.Now().Add(-2 * time.Hour)
			strays := []string{filepath.Join(files, "u", "0123456789abcdef0123456789abcdef.png"),
				filepath.Join(files, "fonts", supabase.LocalUser.ID, "deleted-long-ago.ttf")}
			fresh := filepath.Join(files, "u", "fedcba9876543210fedcba9876543210.png")
			for _, f := range append(strays, fresh) {
				require.NoError(t, os.MkdirAll(filepath.Dir(f), 0o755))
				require.NoError(t, os.WriteFile(f, img, 0o644))
			}
			for _, f := range append(strays, filepath.Join(files, filepath.FromSlash(strings.TrimPrefix(kept, "/files/")))) {
				require.NoError(t, os.Chtimes(f, old, old))
			}
			c := api{t: t, base: startServer(t, env)}
			for _, f := range strays {
				require.NoFileExists(t, f)
			}
			require.NoDirExists(t, filepath.Join(files, "fonts"), "emptied folders go too")
			require.FileExists(t, fresh, "written within the hour: it may be a row being saved")
			code, body := get(t, c.base+kept)
			require.Equal(t, 200, code)
			require.Equal(t, string(img), body)
		})
	}
}
