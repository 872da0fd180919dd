package executor

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"sync"
	"time"

	"github.com/visualadgen/visualadgen/backend/internal/blob"
	"github.com/visualadgen/visualadgen/backend/internal/fal"
	"github.com/visualadgen/visualadgen/backend/internal/fetch"
	"github.com/visualadgen/visualadgen/backend/internal/imagemodel"
	"github.com/visualadgen/visualadgen/backend/internal/imaging"
	"github.com/visualadgen/visualadgen/backend/internal/job"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// Image is one generated image. A flagged image (FAL's safety checker
// found it not safe for work) has no data: it is counted, billed, and
// never delivered.
type Image struct {
	Data          []byte
	ContentType   string
	Width, Height int
	Flagged       bool
}

// Generated is what a generation returned: its images and, when FAL said
// it, the quantity billed (x-fal-billable-units).
type Generated struct {
	Images        []Image
	BillableUnits *float64
	// Seed is the seed FAL used (it says so in its result), so a picture
	// can be made again.
	Seed *int64
}

// Request is one generation: the model, FAL's endpoint and input, and the
// size and count of the images asked for.
type Request struct {
	Model         imagemodel.Model
	Endpoint      string
	Input         map[string]any
	Width, Height int
	Count         int
}

// Generator makes images for IMAGE_MODEL: FAL, or the local preview. It
// makes every request of a node run (one per ratio) and returns what each
// made, in order.
type Generator interface {
	Generate(ctx context.Context, r *Run, reqs []Request) ([]*Generated, error)
}

// Preview renders labelled local images: no account needed, cost 0.
type Preview struct{}

// Generate draws one preview per requested image at the requested size.
func (Preview) Generate(_ context.Context, _ *Run, reqs []Request) ([]*Generated, error) {
	var all []*Generated
	for _, req := range reqs {
		out := make([]Image, 0, req.Count)
		prompt, _ := req.Input["prompt"].(string)
		for i := range req.Count {
			data, err := imaging.Preview(prompt, req.Model.ID, i, req.Width, req.Height)
			if err != nil {
				return nil, err
			}
			out = append(out, Image{Data: data, ContentType: "image/png", Width: req.Width, Height: req.Height})
		}
		all = append(all, &Generated{Images: out})
	}
	return all, nil
}

// FAL generates through FAL's queue. The request handle is checkpointed
// before waiting, so a later run polls the same request, never pays twice.
// While FAL works, no worker waits: the node's job snoozes and a watcher on
// FAL's status stream wakes it the moment the request is done.
type FAL struct {
	Client *fal.Client
	// Downloads fetches result images; it must refuse private addresses
	// (fetch.Client).
	Downloads *http.Client
	Images    *imaging.Budget // sizes result images
	// Fallback is how long a waiting node sleeps if no watcher wakes it (its
	// process restarted, say); default 5 s.
	Fallback time.Duration
	// Watching holds the requests being watched, each with the
	// context.CancelFunc that stops its watcher, so a node woken by its
	// fallback does not start a second one and a cancelled run stops its
	// own; nil watches every time.
	Watching *sync.Map
}

// Generate submits each request, checkpointing its handle before the
// next, and starts a watcher per request; then (in later runs of the node,
// woken by a watcher) checks them once per run until FAL has finished all,
// and downloads the images. Each run is short: waiting is Pending, not
// blocking.
func (f FAL) Generate(ctx context.Context, r *Run, reqs []Request) ([]*Generated, error) {
	handles := handlesOf(r.Checkpoint)
	for len(handles) < len(reqs) {
		req := reqs[len(handles)]
		h, err := f.Client.Submit(ctx, req.Endpoint, req.Input)
		if err != nil {
			return nil, falError(err)
		}
		handles = append(handles, h)
		b, _ := json.Marshal(handles)
		if err := r.SaveCheckpoint(ctx, b); err != nil {
			return nil, Retryable(fmt.Errorf("save FAL request id: %w", err))
		}
		f.watch(h, job.Waker(ctx), r)
	}
	results := make([]*fal.Result, len(reqs))
	waiting := false
	for i, h := range handles[:len(reqs)] {
		res, err := f.Client.Poll(ctx, h)
		if err != nil {
			return nil, falError(err)
		}
		if res == nil {
			f.watch(h, job.Waker(ctx), r)
			waiting = true
		}
		results[i] = res
	}
	if waiting {
		return nil, Wait(f.fallback())
	}
	out := make([]*Generated, len(reqs))
	for i, res := range results {
		g, err := f.collect(ctx, handles[i], res)
		if err != nil {
			return nil, err
		}
		out[i] = g
	}
	return out, nil
}

// handlesOf reads the checkpointed FAL requests: a list, or the single
// handle an older version saved.
func handlesOf(checkpoint json.RawMessage) []fal.Handle {
	var list []fal.Handle
	if json.Unmarshal(checkpoint, &list) == nil {
		return list
	}
	var h fal.Handle
	if json.Unmarshal(checkpoint, &h) == nil && h.RequestID != "" {
		return []fal.Handle{h}
	}
	return nil
}

// collect reads a finished request's images, downloading those FAL's
// safety checker did not flag.
func (f FAL) collect(ctx context.Context, h fal.Handle, res *fal.Result) (*Generated, error) {
	var body struct {
		Images []struct {
			URL    string `json:"url"`
			Width  int    `json:"width"`
			Height int    `json:"height"`
		} `json:"images"`
		NSFW []bool `json:"has_nsfw_concepts"`
		Seed *int64 `json:"seed"`
	}
	if err := json.Unmarshal(res.Body, &body); err != nil || len(body.Images) == 0 {
		return nil, fmt.Errorf("fal: the result of %s has no images", h.RequestID)
	}
	out := &Generated{BillableUnits: res.BillableUnits, Seed: body.Seed}
	for i, im := range body.Images {
		if i < len(body.NSFW) && body.NSFW[i] {
			out.Images = append(out.Images, Image{Flagged: true, Width: im.Width, Height: im.Height})
			continue
		}
		img, err := f.download(ctx, im.URL)
		if err != nil {
			return nil, err
		}
		if im.Width > 0 && im.Height > 0 { // what FAL made and bills, whatever the file says
			img.Width, img.Height = im.Width, im.Height
		}
		out.Images = append(out.Images, img)
	}
	return out, nil
}

// CancelOutside cancels the checkpointed FAL requests of a run that ended,
// and stops this process's watchers of them (nobody waits any more).
func (f FAL) CancelOutside(ctx context.Context, checkpoint json.RawMessage) {
	for _, h := range handlesOf(checkpoint) {
		_ = f.Client.Cancel(ctx, h)
		if f.Watching == nil {
			continue
		}
		if stop, ok := f.Watching.LoadAndDelete(h.RequestID); ok {
			stop.(context.CancelFunc)()
		}
	}
}

// watchFor bounds one watcher's life (a generation that takes longer is
// still found by the node's fallback checks).
const watchFor = time.Hour

// watch wakes the node's job when FAL is done with h, unless a watcher
// for h already runs, and reports FAL's queue position and progress on
// the way.
func (f FAL) watch(h fal.Handle, wake func(), r *Run) {
	ctx, cancel := context.WithTimeout(context.Background(), watchFor)
	if f.Watching != nil {
		if _, running := f.Watching.LoadOrStore(h.RequestID, cancel); running {
			cancel()
			return
		}
	}
	seen := func(st fal.Status) {
		p := workflow.Progress{Stage: workflow.StageGenerating}
		if st.Status == "IN_QUEUE" {
			p = workflow.Progress{Stage: workflow.StageQueued, QueuePosition: st.QueuePosition}
		}
		r.report(p)
	}
	f.Client.Watch(ctx, h, seen, func() {
		cancel()
		if f.Watching != nil {
			f.Watching.Delete(h.RequestID)
		}
		wake()
	})
}

// fallback is how long a waiting node sleeps when no watcher wakes it.
func (f FAL) fallback() time.Duration {
	if f.Fallback > 0 {
		return f.Fallback
	}
	return 5 * time.Second
}

// download fetches one result image (FAL's URLs expire, so we keep a copy)
// and sizes it from its header.
func (f FAL) download(ctx context.Context, url string) (Image, error) {
	ctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	data, ctype, err := fetch.Get(ctx, f.Downloads, url, blob.MaxSize)
	if errors.Is(err, fetch.ErrPrivate) {
		return Image{}, fmt.Errorf("fal: %w", err)
	}
	if err != nil {
		return Image{}, Retryable(fmt.Errorf("fal: %w", err))
	}
	info, err := f.Images.Inspect(data)
	if err != nil {
		return Image{}, fmt.Errorf("fal: a result image: %w", err)
	}
	return Image{Data: data, ContentType: ctype, Width: info.Width, Height: info.Height}, nil
}

// falError marks FAL's retryable failures for the engine.
func falError(err error) error {
	var fe *fal.Error
	if errors.As(err, &fe) && fe.Retryable {
		return Retryable(err)
	}
	return err
}
