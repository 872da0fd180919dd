package main

import (
	"context"

	"github.com/visualadgen/visualadgen/backend/internal/executor"
	"github.com/visualadgen/visualadgen/backend/internal/fonts"
	"github.com/visualadgen/visualadgen/backend/internal/store"
)

// kits reads brand kits from the store for AD_LAYOUT nodes.
type kits struct{ st *store.Store }

// Owned reports whether kit id is owner's.
func (k kits) Owned(ctx context.Context, owner, id string) bool {
	_, err := k.st.GetBrandKit(ctx, owner, id)
	return err == nil
}

// ForRun reads kit id for a run of its owner's workflow, with each font
// resolved to a bundled family or the URL of the owner's upload.
func (k kits) ForRun(ctx context.Context, executionID, id string) (executor.Brand, error) {
	kit, err := k.st.KitOfExecution(ctx, executionID, id)
	if err != nil {
		return executor.Brand{}, err
	}
	b := executor.Brand{ID: kit.ID, Name: kit.Name, LogoURL: kit.LogoURL, PrimaryColor: kit.PrimaryColor, TextColor: kit.TextColor}
	for _, f := range []struct {
		id  string
		ref *executor.FontRef
	}{{kit.HeadlineFont, &b.HeadlineFont}, {kit.BodyFont, &b.BodyFont}} {
		*f.ref = executor.FontRef{ID: f.id}
		if _, err := fonts.Bundled(f.id, false); err == nil {
			continue
		}
		up, err := k.st.GetFont(ctx, kit.UserID, f.id)
		if err != nil {
			return executor.Brand{}, err
		}
		f.ref.URL = up.URL
	}
	return b, nil
}
