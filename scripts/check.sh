#!/usr/bin/env bash
# The static checks of `npm test`: types, lint, formatting. ESLint keeps a cache under
# node_modules/.cache so that a second run only lints the files that changed.
set -euo pipefail
cd "$(dirname "$0")/.."
status=0
npx tsc --noEmit -p . || status=1
npx eslint --cache --cache-location node_modules/.cache/eslint/ . || status=1
npx prettier --check . || status=1
exit "$status"
