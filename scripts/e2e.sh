#!/usr/bin/env bash
# End-to-end test: builds the frontend and backend, serves both from one
# binary on SQLite with the preview renderer, and drives Chromium through
# frontend/e2e/*.e2e.mjs, in order (start.e2e.mjs needs the server empty;
# a11y.e2e.mjs runs axe-core on the main pages and fails on serious findings).
# Screenshots land in frontend/test-results/.
set -euo pipefail
cd "$(dirname "$0")/.."

CHROMIUM=${CHROMIUM:-$(command -v chromium || true)}
if [ -z "$CHROMIUM" ]; then
  echo "e2e: Chromium not found. Install it (Debian: apt-get install -y chromium fonts-liberation) or set CHROMIUM." >&2
  exit 1
fi
export CHROMIUM

pnpm --filter frontend build >/dev/null
tmp=$(mktemp -d)
# SQLite, local sign-in and the preview renderer, whatever this shell has set.
unset DATABASE_URL FAL_KEY RAPIDAPI_KEY SUPABASE_URL SUPABASE_JWT_SECRET SUPABASE_PUBLISHABLE_KEY SUPABASE_SECRET_API_KEY
(cd backend && go build -o "$tmp/visualadgen" ./cmd/visualadgen)
DATA_DIR="$tmp/data" PORT=0 FRONTEND_DIR="$PWD/frontend/dist" LOG_LEVEL=warn \
  "$tmp/visualadgen" -env-file /nonexistent -addr-file "$tmp/addr" >"$tmp/server.log" 2>&1 &
pid=$!
cleanup() { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT
for _ in $(seq 1 100); do [ -s "$tmp/addr" ] && break; sleep 0.1; done
if [ ! -s "$tmp/addr" ]; then cat "$tmp/server.log" >&2; exit 1; fi
export E2E_BASE_URL="http://$(cat "$tmp/addr")"
failed=0
for t in start editor live gallery creatives keyboard edges a11y; do
  node "frontend/e2e/$t.e2e.mjs" || failed=1
done
if [ "$failed" = 1 ]; then echo "--- server log"; cat "$tmp/server.log"; exit 1; fi
