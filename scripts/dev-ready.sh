#!/usr/bin/env bash
# Waits until the dev server answers /api through its proxy (so the frontend
# and the backend are both up), then prints the one URL to open, as the last
# line of `make dev`.
set -u
url="http://localhost:5173"
# While the backend compiles, the dev server holds each request up to 15 s and then answers 503.
deadline=$((SECONDS + 300))
while [ "$SECONDS" -lt "$deadline" ]; do
  if curl -sf -o /dev/null "$url/api/healthz"; then
    printf '\n  VisualAdGen is ready: open %s\n\n' "$url"
    exit 0
  fi
  sleep 0.5
done
echo "dev-ready: nothing answered at $url/api/healthz after 5 minutes; see the logs above" >&2
exit 1
