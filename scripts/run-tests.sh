#!/usr/bin/env bash
# Runs every test file under test/ with Node's test runner, compiled once by esbuild
# (scripts/compile-tests.mjs; MDA_TEST_COMPILE=0 loads the TypeScript through tsx instead).
# Node 20 does not expand globs itself, so the file list is built here. Pass file paths to run a subset.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "$#" -gt 0 ]; then files=("$@"); else mapfile -t files < <(find test -name '*.test.ts' | sort); fi
run_dir=$(mktemp -d)
# The engine matrix needs PostgreSQL: the run starts a throwaway cluster of its own
# (scripts/pg-test-cluster.sh: a temporary folder, a free port, no fsync, no synchronous commit, no
# full-page writes) and removes it at the end. On the durable shared cluster each of the hundreds of
# template copies and drops the tests make was written to the write-ahead log and flushed: 0.5 s of
# PostgreSQL's CPU and 3.5 s of waiting per copy of the migrated atlas, on this machine.
# MDA_TEST_PG_URL pointing at a server skips this (scripts/pg.sh start runs the shared one).
pg_dir=""
if [ -z "${MDA_TEST_PG_URL:-}" ] && [ "${MDA_TEST_ENGINE:-}" != sqlite ]; then
  bash scripts/pg.sh install
  pg_dir=$(mktemp -d /tmp/mda-test-pg.XXXXXX)
  MDA_TEST_PG_URL=$(bash scripts/pg-test-cluster.sh start "$pg_dir") || { rm -rf "$pg_dir" "$run_dir"; exit 1; }
  export MDA_TEST_PG_URL
fi
# What makes a test file keep its own process (see the groups below).
PROCESS_STATE='process\.env(\.[A-Z_]+|\[[^]]+\]) =|delete process\.env|process\.on\(|memoryUsage|spawn[A-Za-z]*\(|mdaProcess|execFile|globalThis|setGlobalDispatcher|mock\.'
browser_pid=""
build_dir=""
# The command that starts a helper of the run (templates, shared browser): compiled when the
# tests are.
helper() {
  if [ -n "$build_dir" ]; then helper=(node "$build_dir/test/support/$1.js"); else helper=(node --import tsx "test/support/$1.ts"); fi
}
# One migrated atlas and one with the built-in corpus, per engine, made once for the whole run: the
# tests copy them (test/support/templates.ts) instead of migrating and ingesting in every suite.
# They are dropped at the end, whatever the outcome (MDA_TEST_TEMPLATES=0 skips them).
cleanup() {
  if [ -n "$browser_pid" ]; then kill "$browser_pid" 2>/dev/null && wait "$browser_pid" 2>/dev/null || true; fi
  rm -rf "$run_dir"
  if [ "${MDA_TEST_TEMPLATES:-1}" != 0 ]; then helper prepare-templates && "${helper[@]}" drop || true; fi
  if [ -n "$build_dir" ]; then rm -rf "$build_dir"; fi
  if [ -n "$pg_dir" ]; then bash scripts/pg-test-cluster.sh stop "$pg_dir"; fi
}
trap cleanup EXIT
# Small test files share processes: alone, each spends more CPU starting Node and loading the
# server's modules (and Playwright, for a browser file: about 2.5 s of CPU before the first test)
# than running its tests. A generated file imports a group of them (the tests, names and
# assertions are unchanged; their top-level hooks all run in that one process). Grouped: the pure
# core's files (test/domain, test/extraction, test/analysis) in one group; the storage, HTTP,
# browser, CLI and IATI suites and the other small folders in groups of a few (each group runs its
# files one after the other, so a group stays shorter than the longest files). A file that touches
# process-wide state (environment, signal handlers, heap figures, child processes, mocks) keeps its
# own process, and so do the two halves of the every-page walk, the longest files of the run, which
# run side by side. MDA_TEST_GROUP=0 runs every file alone.
group_size() {
  case "$1" in
    test/web/every-page-*) echo "" ;;
    test/domain/* | test/extraction/* | test/analysis/*) echo "core 100" ;;
    test/storage/*) echo "storage 5" ;;
    test/http/*) echo "http 4" ;;
    test/web/*) echo "web 3" ;;
    test/cli/*) echo "cli 6" ;;
    test/iati/*) echo "iati 5" ;;
    test/readers/* | test/services/* | test/analyses/* | test/bench/*) echo "misc 5" ;;
    *) echo "" ;;
  esac
}
# The files as selected, before grouping: what they need (a build, the browser) is read from them.
selected=("${files[@]}")
if [ "${MDA_TEST_GROUP:-1}" != 0 ]; then
  declare -A members=()
  alone=()
  for file in "${files[@]}"; do
    file=${file#./}
    group=$(group_size "$file")
    if [ -z "$group" ] || grep -qE "$PROCESS_STATE" "$file"; then
      alone+=("$file")
    else
      members[$group]+="$file "
    fi
  done
  files=("${alone[@]}")
  for group in "${!members[@]}"; do
    read -r name size <<<"$group"
    read -ra list <<<"${members[$group]}"
    if [ "${#list[@]}" -lt 2 ]; then
      files+=("${list[@]}")
      continue
    fi
    for ((i = 0; i < ${#list[@]}; i += size)); do
      generated="$run_dir/$name-tests-$((i / size + 1)).test.mjs"
      for file in "${list[@]:i:size}"; do echo "import '$PWD/$file';"; done >"$generated"
      files+=("$generated")
    done
  done
fi
# The slowest files start first, so that the run does not end waiting on one long file started
# last: test/durations.json holds each file's last time (MDA_TEST_DURATIONS=test/durations.json
# rewrites it, see below); files it does not know yet count as slow.
mapfile -t files < <(node scripts/slowest-first.mjs test/durations.json "${files[@]}")
# Where the process is the point, tests run `node bin/mda.js`: from a fresh dist/ that is the
# bundle (about 0.2 s of CPU a start), from stale sources tsx (about 3 s, and again in each
# worker). The build runs once here, as `npm install` runs it, when a selected file starts `mda`
# processes; nothing is done when dist/ is newer than the sources.
if grep -qE 'mdaProcess|spawnMda|scripts/build|--workers' "${selected[@]}"; then
  node scripts/build.mjs --if-stale
fi
# The test files and the sources they import, compiled once for the whole run (see
# scripts/compile-tests.mjs), where Node finds the packages; removed at the end of the run.
browser=""
if grep -lq "support/browser.ts" "${selected[@]}"; then browser=yes; fi
if [ "${MDA_TEST_COMPILE:-1}" != 0 ]; then
  mkdir -p node_modules/.cache/mda-test-build
  build_dir=$(mktemp -d "$PWD/node_modules/.cache/mda-test-build/run.XXXXXX")
  mapfile -t compiled < <(node scripts/compile-tests.mjs "$build_dir" "${files[@]}" \
    test/support/prepare-templates.ts test/support/shared-browser.ts)
  if [ "${#compiled[@]}" -ne $((${#files[@]} + 2)) ]; then
    echo "compiling the tests failed" >&2
    exit 1
  fi
  files=("${compiled[@]:0:${#files[@]}}")
  export MDA_TEST_BUILD_DIR=$build_dir
fi
# One Chromium for the whole run when a selected file drives a browser (test/support/browser.ts):
# each file connects to it and works in its own contexts instead of starting its own. It starts
# while the templates are made; the tests start once both are ready. With MDA_TEST_CPU, its CPU
# is recorded too: under test/support/shared-browser what it reaped (the browser process, not the
# renderers), and the whole Chromium tree, renderers included, under
# `test/support/shared-browser (chromium tree)`.
if [ -z "${MDA_TEST_BROWSER_WS:-}" ] && [ -n "$browser" ]; then
  helper shared-browser
  if [ -n "${MDA_TEST_CPU:-}" ]; then helper=("${helper[0]}" --import ./test/support/cpu-usage.mjs "${helper[@]:1}"); fi
  "${helper[@]}" >"$run_dir/browser" &
  browser_pid=$!
fi
if [ "${MDA_TEST_TEMPLATES:-1}" != 0 ]; then
  helper prepare-templates
  eval "$("${helper[@]}" create)"
fi
if [ -n "$browser_pid" ]; then
  for _ in $(seq 600); do
    if [ -s "$run_dir/browser" ] || ! kill -0 "$browser_pid" 2>/dev/null; then break; fi
    sleep 0.1
  done
  MDA_TEST_BROWSER_WS=$(head -n 1 "$run_dir/browser")
  if [ -z "$MDA_TEST_BROWSER_WS" ]; then
    echo "the shared Chromium did not start" >&2
    exit 1
  fi
  export MDA_TEST_BROWSER_WS
fi
# MDA_TEST_DURATIONS=path also writes each file's time there (test/support/durations-reporter.mjs,
# added by scripts/run-test-files.mjs).
# Test files wait on PostgreSQL, Chromium and child processes much of the time: three at once keep
# two cores busy (MDA_TEST_CONCURRENCY to change). scripts/run-test-files.mjs runs them in the
# order above (`node --test` would sort them by name).
loader=()
if [ -z "$build_dir" ]; then loader=(--import tsx); fi
# MDA_TEST_CPU=path appends each test process's CPU seconds there (test/support/cpu-usage.mjs).
if [ -n "${MDA_TEST_CPU:-}" ]; then loader+=(--import ./test/support/cpu-usage.mjs); fi
node "${loader[@]}" scripts/run-test-files.mjs "${MDA_TEST_CONCURRENCY:-3}" "${files[@]}"
