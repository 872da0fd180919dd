package executor

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/visualadgen/visualadgen/backend/internal/blob"
	"github.com/visualadgen/visualadgen/backend/internal/fal"
	"github.com/visualadgen/visualadgen/backend/internal/fetch"
	"github.com/visualadgen/visualadgen/backend/internal/imaging"
	"github.com/visualadgen/visualadgen/backend/internal/job"
)

// FAL generates through FAL's queue. Each request is sent once, ever: its
// slot is claimed in the database before it is sent and its handle saved
// on that slot (see Requests), so a wake, a retry or another replica polls
// the same request. While FAL works, no worker waits: the node's job
// snoozes and a watcher on FAL's status stream wakes it the moment the
// request is done.
type FAL struct {
	Client *fal.Client
	// Downloads fetches result images; it must refuse private addresses
	// (fetch.Client).
	Downloads *http.Client
	Images    *imaging.Budget // sizes result images
	// Fallback is how long a waiting node sleeps if no watcher wakes it (its
	// process restarted, say); default 5 s.
	Fallback time.Duration
	// SendTimeout bounds one send, FAL's own retries included (default
	// 30 s; it must stay well under the 45 s after which a claim with no
	// id is taken for lost).
	SendTimeout time.Duration
	// Watching holds this process's watchers, so a node woken by its
	// fallback does not start a second one and a run that ended stops its
	// own; nil watches every time.
	Watching *Watchers
	// Times, when set, is told how long FAL took over each request.
	Times FALTimes
}

// Generate sends each request that no attempt has sent (claiming its slot
// first), then checks every request once and, when FAL has finished them
// all, downloads the images. Each run is short: waiting is Pending, not
// blocking.
func (f FAL) Generate(ctx context.Context, r *Run, reqs []Request) ([]*Generated, error) {
	if r.Requests == nil {
		return nil, errors.New("fal: this run keeps no record of its requests, so none is sent")
	}
	sent, err := r.Requests.List(ctx)
	if err != nil {
		return nil, Retryable(fmt.Errorf("read what was asked of FAL: %w", err))
	}
	handles, claimed := make([]fal.Handle, len(reqs)), make([]time.Time, len(reqs))
	for i, req := range reqs {
		o, ok := slotOf(sent, i)
		if !ok {
			if o, err = f.send(ctx, r, i, req); err != nil {
				return nil, err
			}
		}
		if handles[i], err = f.handleOf(ctx, r, o); err != nil {
			return nil, err
		}
		claimed[i] = o.ClaimedAt
	}
	results := make([]*fal.Result, len(reqs))
	waiting := false
	for i, h := range handles {
		res, err := f.Client.Poll(ctx, h)
		if err != nil {
			return nil, falError(err)
		}
		if res == nil {
			if ctx.Err() != nil { // the run ended while it was polled: no watcher outlives it
				return nil, context.Cause(ctx)
			}
			f.watch(h, job.Waker(ctx), r)
			waiting = true
		}
		results[i] = res
	}
	if waiting {
		return nil, Wait(f.fallback())
	}
	done, out := time.Now(), make([]*Generated, len(reqs))
	for i, res := range results {
		g, err := f.collect(ctx, handles[i], res)
		if err != nil {
			return nil, err
		}
		out[i] = g
	}
	f.timed(reqs, claimed, done)
	return out, nil
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
