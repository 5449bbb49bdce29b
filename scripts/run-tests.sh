#!/usr/bin/env bash
# Runs every test file under test/ with Node's test runner (tsx loads TypeScript).
# Node 20 does not expand globs itself, so the file list is built here. Pass file paths to run a subset.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "$#" -gt 0 ]; then files=("$@"); else mapfile -t files < <(find test -name '*.test.ts' | sort); fi
# The slowest files start first, so that the run does not end waiting on one long file started
# last: test/durations.json holds each file's last time (MDA_TEST_DURATIONS=test/durations.json
# rewrites it, see below); files it does not know yet count as slow.
mapfile -t files < <(node scripts/slowest-first.mjs test/durations.json "${files[@]}")
# The engine matrix needs PostgreSQL: start it when it is not running, and stop it afterwards
# only if this run started it (MDA_TEST_PG_URL pointing elsewhere skips this).
pg_state=""
if [ -z "${MDA_TEST_PG_URL:-}" ]; then pg_state=$(bash scripts/pg.sh start); fi
browser_pid=""
browser_out=""
# One migrated atlas and one with the built-in corpus, per engine, made once for the whole run: the
# tests copy them (test/support/templates.ts) instead of migrating and ingesting in every suite.
# They are dropped at the end, whatever the outcome (MDA_TEST_TEMPLATES=0 skips them).
cleanup() {
  if [ -n "$browser_pid" ]; then kill "$browser_pid" 2>/dev/null && wait "$browser_pid" 2>/dev/null || true; fi
  if [ -n "$browser_out" ]; then rm -f "$browser_out"; fi
  if [ "${MDA_TEST_TEMPLATES:-1}" != 0 ]; then node --import tsx test/support/prepare-templates.ts drop || true; fi
  if [ "$pg_state" = started ]; then bash scripts/pg.sh stop; fi
}
trap cleanup EXIT
if [ "${MDA_TEST_TEMPLATES:-1}" != 0 ]; then
  eval "$(node --import tsx test/support/prepare-templates.ts create)"
fi
# One Chromium for the whole run when a selected file drives a browser (test/support/browser.ts):
# each file connects to it and works in its own contexts instead of starting its own.
if [ -z "${MDA_TEST_BROWSER_WS:-}" ] && grep -lq "support/browser.ts" "${files[@]}"; then
  browser_out=$(mktemp)
  node --import tsx test/support/shared-browser.ts >"$browser_out" &
  browser_pid=$!
  for _ in $(seq 600); do
    if [ -s "$browser_out" ] || ! kill -0 "$browser_pid" 2>/dev/null; then break; fi
    sleep 0.1
  done
  MDA_TEST_BROWSER_WS=$(head -n 1 "$browser_out")
  if [ -z "$MDA_TEST_BROWSER_WS" ]; then echo "the shared Chromium did not start" >&2; exit 1; fi
  export MDA_TEST_BROWSER_WS
fi
# MDA_TEST_DURATIONS=path also writes each file's time there (test/support/durations-reporter.mjs).
reporters=(--test-reporter=spec --test-reporter-destination=stdout)
if [ -n "${MDA_TEST_DURATIONS:-}" ]; then
  reporters+=(--test-reporter=./test/support/durations-reporter.mjs --test-reporter-destination=stdout)
fi
# Test files wait on PostgreSQL, Chromium and child processes much of the time: three at once keep
# two cores busy (MDA_TEST_CONCURRENCY to change).
node --import tsx --test --test-concurrency="${MDA_TEST_CONCURRENCY:-3}" "${reporters[@]}" "${files[@]}"
