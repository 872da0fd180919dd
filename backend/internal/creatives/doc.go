// Package creatives holds the node types that turn generated pictures
// into ads: AD_LAYOUT (the words, resolved from its sources, and the
// brand kit they are drawn in) and OUTPUT (the final ads at each ratio or
// placement, each cropped from a generated picture and drawn with its
// layout), with brand loading, the precheck that refuses words that
// cannot fit before a run pays, and the finals as records. Drawing itself
// is internal/compose; the types these node types hand on (Layout, Brand,
// FinalImage) are the executor framework's typed outputs.
package creatives
