package main

import (
	"context"

	"github.com/visualadgen/visualadgen/backend/internal/creatives"
	"github.com/visualadgen/visualadgen/backend/internal/executor"
	"github.com/visualadgen/visualadgen/backend/internal/store"
)

// kits reads brand kits from the store for AD_LAYOUT nodes.
type kits struct{ st *store.Store }

// Owned reports whether kit id is owner's.
func (k kits) Owned(ctx context.Context, owner, id string) bool {
	_, err := k.st.GetBrandKit(ctx, owner, id)
	return err == nil
}

// Kit reads owner's kit id.
func (k kits) Kit(ctx context.Context, owner, id string) (executor.Brand, error) {
	kit, err := k.st.KitToDraw(ctx, owner, id)
	if err != nil {
		return executor.Brand{}, err
	}
	return creatives.BrandOf(ctx, kit, k.st)
}
