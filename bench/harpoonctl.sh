#!/usr/bin/env bash
# harpoonctl's own numbers, as a markdown table on stdout (docs/operations.md, "harpoonctl's class data"):
#
#   sudo bench/harpoonctl.sh [--runs N] [--containers N] [--dist DIR]
#
# Starts N supervisors (20 by default) on busybox containers in temporary run directories, then times
#   - `harpoonctl ls DIR...` over all of them (one JVM; target: <= 1 s),
#   - `harpoonctl status` with its class data (target: median <= 200 ms) and without it
#     (HARPOON_CLASS_DATA=off),
# each RUNS times (15 by default), and prints medians and extremes with the machine's load. Needs root
# (the runtime creates namespaces and cgroups), runc and busybox-static, and a built distribution
# (mvn package). Everything it starts is stopped on exit, also on failure or Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
. scripts/lib.sh

RUNS=15
CONTAINERS=20
DIST=$ROOT/bootstrap/target/dist
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) RUNS=$2; shift ;;
    --containers) CONTAINERS=$2; shift ;;
    --dist) DIST=$2; shift ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
  shift
done
if [ "$(id -u)" -ne 0 ]; then
  echo "needs root: the runtime creates namespaces and cgroups (try: sudo $0)" >&2
  exit 1
fi
[ -x "$DIST/bin/harpoonctl" ] || { echo "no distribution at $DIST: run mvn package first" >&2; exit 1; }
ensure_packages runc busybox-static

CTL=$DIST/bin/harpoonctl
WORK=$(mktemp -d /tmp/hs-bench-ctl.XXXXXX)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

echo "starting $CONTAINERS supervisors in $WORK ..." >&2
busybox_rootfs "$WORK/rootfs"
DIRS=()
for i in $(seq 1 "$CONTAINERS"); do
  dir=$WORK/c$i
  mkdir -p "$dir"
  ln -s ../rootfs "$dir/rootfs"
  echo '{"restart": "no", "resources": {"mem": 32}}' >"$dir/agent.json"
  (cd "$dir" && exec setsid "$DIST/bin/harpoon-supervisor" --hostname "c$i" --ID "hs-bench-ctl-$$-$i" -- \
    sh -c 'trap "exit 0" TERM; while true; do sleep 1; done' >"$dir/out" 2>&1 </dev/null) &
  PIDS+=($!)
  DIRS+=("$dir")
done
for _ in $(seq 1 600); do
  "$CTL" ls --timeout 5s "${DIRS[@]}" >/dev/null 2>&1 && break
  sleep 0.5
done
"$CTL" ls "${DIRS[@]}" >/dev/null 2>&1 || { echo "not all $CONTAINERS containers came up" >&2; exit 1; }

# stats — of sorted numbers on stdin, prints "median min max".
stats() {
  awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2);
    print m, v[1], v[NR] }'
}

# measure NAME COMMAND... — runs COMMAND RUNS times; prints one markdown row: the median, min and max of
# its wall time and the median of its CPU time (user + sys, which other load on the machine disturbs
# less), in milliseconds.
measure() {
  local name=$1 samples
  shift
  samples=$(
    TIMEFORMAT='%3R %3U %3S'
    for _ in $(seq 1 "$RUNS"); do
      { time "$@" >/dev/null 2>&1; } 2>&1 || true
    done)
  local wall cpu
  wall=$(echo "$samples" | awk '{ printf "%d\n", $1 * 1000 }' | sort -n | stats)
  cpu=$(echo "$samples" | awk '{ printf "%d\n", ($2 + $3) * 1000 }' | sort -n | stats)
  set -- $wall $cpu
  echo "| $name | $1 | $2 | $3 | $4 | $RUNS |"
}

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
LS=$(measure "\`harpoonctl ls\` over $CONTAINERS run directories, one JVM" "$CTL" ls "${DIRS[@]}")
WITH=$(measure "\`harpoonctl status\`, with its class data" "$CTL" --dir "${DIRS[0]}" status)
export HARPOON_CLASS_DATA=off
WITHOUT=$(measure "\`harpoonctl status\`, HARPOON_CLASS_DATA=off" "$CTL" --dir "${DIRS[0]}" status)
unset HARPOON_CLASS_DATA
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
CLASS_DATA=$("$CTL" --version | sed -n 's/^class data: //p')
JAVA=$("$CTL" --version | head -1 | sed 's/.* on //')

echo "## harpoonctl ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load $LOAD_BEFORE before, $LOAD_AFTER after)"
echo
echo "$JAVA; class data: $CLASS_DATA"
echo
echo "| what | wall median ms | wall min ms | wall max ms | CPU median ms | runs | target |"
echo "|---|---|---|---|---|---|---|"
echo "$LS <= 1000 ms wall |"
echo "$WITH <= 200 ms wall (median) |"
echo "$WITHOUT |"
