package httpapi

import (
	"context"
	"encoding/json"
	"log/slog"
	"mime"
	"net/http"
	"reflect"
	"slices"
	"strings"

	"github.com/danielgtaylor/huma/v2"
)

// PatchInput is the input of a PATCH route: the id of the resource to
// change and a JSON merge patch (RFC 7396) of it. The body is read raw, not
// validated by huma, so the handler checks the owner first (another user's
// id is a 404 whatever the body) and validates the merged whole after.
type PatchInput struct {
	ID          string `path:"id" format:"uuid" doc:"The id of what to change"`
	RawBody     []byte
	contentType string
}

// Resolve keeps the request's Content-Type, which says how to read the body.
func (p *PatchInput) Resolve(ctx huma.Context) []error {
	p.contentType = ctx.Header("Content-Type")
	return nil
}

// merger applies merge patches to a W, the body the resource's POST takes,
// and validates the result against W's schema, as POST validates its body.
type merger[W any] struct {
	registry huma.Registry
	whole    *huma.Schema // W's schema (a reference into registry)
	log      *slog.Logger
}

// newMerger makes the merger of W's patches. W's schema lives in a registry
// of its own: the document shows the patch (registerPatch), and W only
// where a route takes it whole.
func newMerger[W any](log *slog.Logger) merger[W] {
	reg := huma.NewMapRegistry("#/components/schemas/", huma.DefaultSchemaNamer)
	return merger[W]{registry: reg, whole: reg.Schema(reflect.TypeFor[W](), true, ""), log: log}
}

// registerPatch registers op, a PATCH route whose body is a merge patch of
// m's W. Its document names both content types it takes, with W's schema
// made a patch: every property optional, and null allowed (it clears) on
// those W does not require.
func registerPatch[W, O any](api huma.API, op huma.Operation, m merger[W], h func(context.Context, *PatchInput) (*O, error)) {
	op.SkipValidateBody = true // validated whole, after the merge
	huma.Register(api, op, h)
	doc := api.OpenAPI().Components.Schemas.Map()
	wholeName := strings.TrimPrefix(m.whole.Ref, "#/components/schemas/")
	for n, s := range m.registry.Map() { // the types W's properties refer to
		if _, ok := doc[n]; !ok && n != wholeName {
			doc[n] = s
		}
	}
	name := wholeName + "Patch"
	whole := m.registry.SchemaFromRef(m.whole.Ref)
	patch := *whole
	patch.Required, patch.Properties = nil, make(map[string]*huma.Schema, len(whole.Properties))
	for k, p := range whole.Properties {
		c := *p
		c.Default, c.Nullable = nil, !slices.Contains(whole.Required, k)
		patch.Properties[k] = &c
	}
	patch.Description = "A JSON merge patch (RFC 7396) of " + strings.TrimSuffix(name, "Patch") +
		": the fields given change, the others stay; null clears an optional field (back to its default, if it has one)."
	doc[name] = &patch
	// Registered, the route documents its raw body as application/octet-stream: replaced here.
	ref := &huma.MediaType{Schema: &huma.Schema{Ref: "#/components/schemas/" + name}}
	api.OpenAPI().Paths[op.Path].Patch.RequestBody.Content = map[string]*huma.MediaType{
		"application/merge-patch+json": ref, "application/json": ref}
}

// apply merges the request's patch onto current and answers the result,
// validated against W's schema as POST's body is (huma's 422 "validation
// failed", errors at body.<field>), its left-out fields given their
// defaults. A body that is not JSON is a 400, another content type a 415.
func (m merger[W]) apply(in *PatchInput, current W) (W, error) {
	var out W
	if mt, _, _ := mime.ParseMediaType(in.contentType); in.contentType != "" && mt != "application/merge-patch+json" && mt != "application/json" {
		return out, huma.Error415UnsupportedMediaType("send a JSON merge patch (application/merge-patch+json or application/json)")
	}
	var patch, doc any
	if err := json.Unmarshal(in.RawBody, &patch); err != nil {
		return out, huma.NewError(http.StatusBadRequest, "validation failed", &huma.ErrorDetail{Location: "body", Message: err.Error()})
	}
	b, err := json.Marshal(current)
	if err == nil {
		err = json.Unmarshal(b, &doc)
	}
	if err != nil {
		return out, problem(m.log, err)
	}
	merged := mergeJSON(doc, patch)
	res := &huma.ValidateResult{}
	pb := huma.NewPathBuffer([]byte{}, 0)
	pb.Push("body")
	huma.Validate(m.registry, m.whole, pb, huma.ModeWriteToServer, merged, res)
	if len(res.Errors) > 0 {
		return out, huma.Error422UnprocessableEntity("validation failed", res.Errors...)
	}
	if obj, ok := merged.(map[string]any); ok {
		for k, p := range m.registry.SchemaFromRef(m.whole.Ref).Properties {
			if _, set := obj[k]; !set && p.Default != nil {
				obj[k] = p.Default
			}
		}
	}
	if b, err = json.Marshal(merged); err == nil {
		err = json.Unmarshal(b, &out)
	}
	if err != nil {
		return out, problem(m.log, err)
	}
	return out, nil
}

// mergeJSON is RFC 7396's MergePatch(target, patch) on decoded JSON: an
// object patch sets its members into target (null removes one), anything
// else replaces target.
func mergeJSON(target, patch any) any {
	p, ok := patch.(map[string]any)
	if !ok {
		return patch
	}
	t, ok := target.(map[string]any)
	if !ok {
		t = map[string]any{}
	}
	for k, v := range p {
		if v == nil {
			delete(t, k)
		} else {
			t[k] = mergeJSON(t[k], v)
		}
	}
	return t
}
