#!/usr/bin/env bash
# End-to-end test: builds the frontend and backend, serves both from one
# binary on SQLite with the preview renderer, and drives Chromium through
# frontend/e2e/editor.e2e.mjs. Screenshots land in frontend/test-results/.
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
(cd backend && go build -o "$tmp/visualadgen" ./cmd/visualadgen)
DATA_DIR="$tmp/data" PORT=0 FRONTEND_DIR="$PWD/frontend/dist" LOG_LEVEL=warn \
  "$tmp/visualadgen" -env-file /nonexistent -addr-file "$tmp/addr" >"$tmp/server.log" 2>&1 &
pid=$!
cleanup() { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT
for _ in $(seq 1 100); do [ -s "$tmp/addr" ] && break; sleep 0.1; done
if [ ! -s "$tmp/addr" ]; then cat "$tmp/server.log" >&2; exit 1; fi
export E2E_BASE_URL="http://$(cat "$tmp/addr")"
node frontend/e2e/editor.e2e.mjs || { echo "--- server log"; cat "$tmp/server.log"; exit 1; }
