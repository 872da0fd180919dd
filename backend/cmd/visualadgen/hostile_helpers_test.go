package main

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/png"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"
)

// bombPNG is a small PNG whose header claims w x h pixels: what a
// decompression bomb looks like to anything that reads the header.
func bombPNG(t testing.TB, w, h uint32) []byte {
	var buf bytes.Buffer
	require.NoError(t, png.Encode(&buf, image.NewGray(image.Rect(0, 0, 1, 1))))
	b := buf.Bytes()
	// IHDR: length(4) "IHDR"(4) width(4) height(4) ... crc over type+data.
	binary.BigEndian.PutUint32(b[16:], w)
	binary.BigEndian.PutUint32(b[20:], h)
	binary.BigEndian.PutUint32(b[29:], crc32.ChecksumIEEE(b[12:29]))
	return b
}

// peakMemoryMB reads the process's peak resident memory (VmHWM).
func peakMemoryMB(t testing.TB) float64 {
	b, err := os.ReadFile("/proc/self/status")
	require.NoError(t, err)
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, err := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")))
			require.NoError(t, err)
			return float64(kb) / 1024
		}
	}
	t.Fatal("no VmHWM in /proc/self/status")
	return 0
}

// node builds a graph node.
func node(id, typ, name string, cfg obj) obj {
	return obj{"id": id, "type": typ, "name": name, "config": cfg}
}

// edge builds an edge, with an optional target handle.
func edge(src, dst, handle string) obj {
	e := obj{"source_node_id": src, "target_node_id": dst}
	if handle != "" {
		e["target_handle"] = handle
	}
	return e
}

// runGraph saves g in a new workflow, runs it and waits until it ends in
// status; it returns the execution and the node executions by name.
func runGraph(t testing.TB, c api, g obj, status string) (obj, map[string]obj) {
	t.Helper()
	return runGraphWith(t, c, g, status, nil)
}

// runGraphWith is runGraph with an execute body (run options).
func runGraphWith(t testing.TB, c api, g obj, status string, body any) (obj, map[string]obj) {
	t.Helper()
	var w, x obj
	require.Equal(t, 201, c.call("POST", "/api/workflows", obj{"name": "hostile " + uuid.NewString()[:8]}, &w))
	id := w["id"].(string)
	require.Equal(t, 200, c.call("PUT", "/api/workflows/"+id+"/graph", g, &w), w)
	names := map[string]string{}
	for _, n := range w["nodes"].([]any) {
		names[n.(obj)["id"].(string)] = n.(obj)["name"].(string)
	}
	require.Equal(t, 200, c.call("POST", "/api/workflows/"+id+"/execute", body, &x), x)
	done := c.waitStatus(x["execution_id"].(string), status)
	byName := map[string]obj{}
	for _, ne := range done["node_executions"].([]any) {
		byName[names[ne.(obj)["node_id"].(string)]] = ne.(obj)
	}
	return done, byName
}
