#!/usr/bin/env bash
# Fails when frontend/src/api/schema.gen.ts (or limits.gen.ts beside it, the
# fields' bounds) is not what the backend's OpenAPI document generates now:
# it regenerates both into a temp folder (through
# frontend/scripts/gen-api.mjs, the same generator as `pnpm --filter frontend
# gen:api`) and compares. Needs Go and the frontend's node_modules.
set -euo pipefail
cd "$(dirname "$0")/.."

committed=frontend/src/api/schema.gen.ts
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

node frontend/scripts/gen-api.mjs "$tmp/schema.gen.ts"
if ! diff -u "$committed" "$tmp/schema.gen.ts" >"$tmp/diff"; then
  echo "check-api-types: $committed is out of date with the backend's OpenAPI document." >&2
  echo "  Regenerate it with: pnpm --filter frontend gen:api   (then commit the file)" >&2
  echo "  First differences (- committed, + generated now):" >&2
  head -n 40 "$tmp/diff" >&2
  exit 1
fi
limits=frontend/src/api/limits.gen.ts
if ! diff -u "$limits" "$tmp/limits.gen.ts" >"$tmp/diff"; then
  echo "check-api-types: $limits is out of date with the backend's OpenAPI document." >&2
  echo "  Regenerate it with: pnpm --filter frontend gen:api   (then commit the file)" >&2
  head -n 40 "$tmp/diff" >&2
  exit 1
fi
echo "check-api-types: $committed and $limits are up to date"
