#!/usr/bin/env bash
# Runs every test file under test/ with Node's test runner (tsx loads TypeScript).
# Node 20 does not expand globs itself, so the file list is built here. Pass file paths to run a subset.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "$#" -gt 0 ]; then files=("$@"); else mapfile -t files < <(find test -name '*.test.ts' | sort); fi
exec node --import tsx --test --test-concurrency=2 --test-reporter=spec "${files[@]}"
