#!/usr/bin/env bash
# Runs every test file under test/ with Node's test runner (tsx loads TypeScript).
# Node 20 does not expand globs itself, so the file list is built here. Pass file paths to run a subset.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "$#" -gt 0 ]; then files=("$@"); else mapfile -t files < <(find test -name '*.test.ts' | sort); fi
# The engine matrix needs PostgreSQL: start it when it is not running, and stop it afterwards
# only if this run started it (MDA_TEST_PG_URL pointing elsewhere skips this).
if [ -z "${MDA_TEST_PG_URL:-}" ]; then
  pg_state=$(bash scripts/pg.sh start)
  if [ "$pg_state" = started ]; then trap 'bash scripts/pg.sh stop' EXIT; fi
fi
node --import tsx --test --test-concurrency=2 --test-reporter=spec "${files[@]}"
