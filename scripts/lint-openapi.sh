#!/usr/bin/env bash
# Lints the OpenAPI document the backend generates with Redocly's recommended
# rules, warnings failing as errors (redocly.yaml). The document is written
# by `go run ./cmd/visualadgen -openapi <file>`, which needs no database and
# no server (the same document /openapi.json serves). @redocly/cli is pinned
# and run through npx, which keeps it in npm's cache (~/.npm/_npx), outside
# the repository. Needs Go and Node 20.19 or later.
set -euo pipefail
cd "$(dirname "$0")/.."

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

(cd backend && go run ./cmd/visualadgen -openapi "$tmp/openapi.json")
REDOCLY_SUPPRESS_UPDATE_NOTICE=true npx --yes @redocly/cli@2.77.0 lint --config redocly.yaml "$tmp/openapi.json"
