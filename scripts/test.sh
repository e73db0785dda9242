#!/usr/bin/env bash
# npm test: everything CI checks, in the order a failure is cheapest to find.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/system-packages.sh
# A fresh clone: install exactly the lockfile. Electron's binary is not needed for the tests.
[ -d node_modules ] || ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm ci

step() { printf '\n== %s\n' "$*"; }
step "lint";      npx eslint --max-warnings 0 .
step "typecheck"; npm run --silent typecheck
step "build";     npx electron-vite build >/dev/null
step "unit and integration tests (vitest)"; npx vitest run
# Alone, one after another: a bench that rots is found here; its numbers are `npm run bench`'s.
step "benchmarks at smoke size"; node scripts/bench.mjs --smoke >/dev/null
step "end-to-end tests (Playwright, Chromium)"; npx playwright test
