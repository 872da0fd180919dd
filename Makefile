# VisualAdGen: the README's commands. `make dev` runs it, `make test` tests it.
SHELL := /bin/bash
GO_PKGS := ./...

.PHONY: dev test lint test-go fuzz test-frontend test-e2e bench build deps

## dev: start the backend (SQLite, local user, preview renderer) and the Vite dev server.
dev: deps
	pnpm run dev

## deps: install pnpm and the frontend's packages when missing.
deps:
	@command -v pnpm >/dev/null 2>&1 || npm install -g pnpm@12.21.0
	@[ -d node_modules ] && [ -d frontend/node_modules ] || pnpm install --frozen-lockfile

## test: every check and every test (Go against a throwaway Postgres, fuzzing, and the frontend).
test: lint test-go fuzz test-frontend test-e2e

## lint: formatting, vet, the house style rules, and the OpenAPI document against Redocly's recommended rules.
lint: deps
	@cd backend && unformatted=$$(gofmt -l .) && if [ -n "$$unformatted" ]; then echo "gofmt needed:"; echo "$$unformatted"; exit 1; fi
	cd backend && go vet $(GO_PKGS)
	cd backend && go run ./cmd/stylecheck .
	pnpm --filter frontend lint
	scripts/check-api-types.sh
	scripts/lint-openapi.sh

## test-go: the Go tests with the race detector; Postgres tests use TEST_DATABASE_URL or a throwaway cluster.
test-go:
	cd backend && ../scripts/with-postgres.sh go test -race -count=1 -timeout 15m $(GO_PKGS)

## fuzz: a few seconds of fuzzing for the template renderer, the graph validator and the trend extractor.
fuzz:
	cd backend && go test -run '^$$' -fuzz FuzzRender -fuzztime 5s ./internal/prompt
	cd backend && go test -run '^$$' -fuzz FuzzBuild -fuzztime 5s ./internal/dag
	cd backend && go test -run '^$$' -fuzz FuzzTrends -fuzztime 5s ./internal/reddit

## test-frontend: the frontend's unit tests.
test-frontend: deps
	pnpm --filter frontend test

## test-e2e: build both, serve them from one binary, and drive Chromium through a whole ad workflow.
test-e2e: deps
	scripts/e2e.sh

## bench: the engine's benchmarks; prints `bench: <name> <value> <unit>` lines.
bench:
	cd backend && ../scripts/with-postgres.sh go test -run '^$$' -bench . -benchtime 1x -count 1 ./internal/engine/... ./internal/compose/ ./internal/fonts/ ./cmd/visualadgen/

## build: the frontend bundle and one backend binary that serves it.
build: deps
	pnpm run build
