#!/usr/bin/env bash
# Wall time and CPU seconds of a command and everything it starts, with the machine's load:
#   bash scripts/measure-cpu.sh npm test
#   bash scripts/measure-cpu.sh nice -n 5 bash scripts/run-tests.sh test/storage/*.test.ts
# Prints, after the command's own output:
#   - the command's CPU: every process it started, counted in a cgroup (v1 cpuacct, when this
#     user can make one), so PostgreSQL's backends and Chromium count when the run started their
#     server (scripts/run-tests.sh starts its own PostgreSQL cluster, scripts/pg-test-cluster.sh);
#     without a cgroup, what /usr/bin/time sees (the processes waited for: not the backends of a
#     server started elsewhere);
#   - the whole machine's busy CPU over the same time (/proc/stat), which includes the other work
#     running on the machine: the figure for the run only on an otherwise idle machine;
#   - the load average before and after.
# Unlike wall time, the command's CPU seconds mean something on a loaded machine; on 2 cores,
# half of them is the least wall time the command can take.
set -uo pipefail
if [ "$#" -eq 0 ]; then echo "usage: measure-cpu.sh COMMAND…" >&2; exit 64; fi
hz=$(getconf CLK_TCK)
busy() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 }' /proc/stat; }
load() { cut -d ' ' -f 1-3 /proc/loadavg; }
load_before=$(load)
busy_before=$(busy)
start=$(date +%s.%N)
group=""
for root in /sys/fs/cgroup/cpuacct /sys/fs/cgroup/cpu,cpuacct; do
  if [ -w "$root" ] && mkdir "$root/mda-measure-$$" 2>/dev/null; then group="$root/mda-measure-$$"; break; fi
done
times=$(mktemp)
if [ -n "$group" ]; then
  # The command runs in the new group; its descendants (daemons included) stay in it.
  bash -c 'echo $$ >"$1/cgroup.procs" && shift && exec "$@"' _ "$group" "$@"
else
  /usr/bin/time -f '%U %S' -o "$times" "$@"
fi
status=$?
end=$(date +%s.%N)
busy_after=$(busy)
if [ -n "$group" ]; then
  # Wait for stragglers (a server stopping) before reading the group's figures.
  for _ in $(seq 50); do [ -z "$(cat "$group/cgroup.procs")" ] && break; sleep 0.2; done
  read -r user sys < <(awk -v hz="$hz" '/^user/ { u = $2 } /^system/ { s = $2 } END { printf "%.1f %.1f\n", u / hz, s / hz }' "$group/cpuacct.stat")
  how="cgroup $group"
  rmdir "$group" 2>/dev/null || echo "(cgroup $group left: processes still in it)" >&2
else
  read -r user sys <"$times"
  how="/usr/bin/time: processes waited for only"
fi
rm -f "$times"
awk -v s="$start" -v e="$end" -v u="$user" -v y="$sys" -v b0="$busy_before" -v b1="$busy_after" -v hz="$hz" \
  -v cores="$(nproc)" -v how="$how" -v l0="$load_before" -v l1="$(load)" -v status="$status" 'BEGIN {
  wall = e - s
  printf "\n── measure-cpu ──\n"
  printf "wall:            %dm %04.1fs (%.1f s)\n", int(wall / 60), wall - 60 * int(wall / 60), wall
  printf "command CPU:     %.1f s (user %.1f, system %.1f; %s)\n", u + y, u, y, how
  printf "machine busy:    %.1f s of %.1f s on %d cores (all processes, other work included)\n", (b1 - b0) / hz, wall * cores, cores
  printf "load average:    before %s, after %s\n", l0, l1
  printf "exit status:     %d\n", status
}'
exit "$status"
