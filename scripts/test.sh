#!/usr/bin/env bash
# `npm test`: the static checks (scripts/check.sh) and the test files (scripts/run-tests.sh) at the
# same time, the checks at a lower priority so that they fill the gaps the tests leave on the
# cores. The checks' output is kept and printed after the tests', so that the two do not mix; the
# run fails if either fails. Arguments go to scripts/run-tests.sh (a subset of test files).
set -uo pipefail
cd "$(dirname "$0")/.."
check_out=$(mktemp)
trap 'rm -f "$check_out"' EXIT
nice -n 10 bash scripts/check.sh >"$check_out" 2>&1 &
check_pid=$!
bash scripts/run-tests.sh "$@"
tests=$?
wait "$check_pid"
checks=$?
echo
echo "── static checks (tsc, eslint, prettier) ──"
cat "$check_out"
if [ "$checks" -ne 0 ]; then echo "static checks failed" >&2; fi
if [ "$tests" -ne 0 ]; then echo "tests failed" >&2; fi
[ "$tests" -eq 0 ] && [ "$checks" -eq 0 ]
