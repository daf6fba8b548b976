#!/usr/bin/env bash
# The harpoon-supervisor benchmark suite, in one command (see docs/benchmarks.md):
#
#   sudo bench/run.sh [--quick] [--no-build] [--runs N] [--skip jmh,startup,footprint,fanout,density]
#
# Builds the distribution (mvn install), the native probe (gcc) and the JMH project, then measures
# start-up against runc, shutdown, footprint, idle CPU, fan-out, density and the hot in-process paths,
# and writes bench/results/<date>.md (+ .json). Needs root: the OCI runtime creates namespaces and
# cgroups. Everything it starts is stopped on exit, also on failure or Ctrl-C.
# Full run: under 10 minutes on 2 cores; --quick: about 3 minutes (both plus the Maven build).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
. scripts/lib.sh

BUILD=1
PASS=()
for arg in "$@"; do
  case "$arg" in
    --no-build) BUILD=0 ;;
    -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) PASS+=("$arg") ;;
  esac
done

if [ "$(id -u)" -ne 0 ]; then
  echo "the benchmarks need root: they create namespaces and cgroups (try: sudo $0 $*)" >&2
  exit 1
fi
ensure_build_tools
ensure_packages runc busybox-static gcc python3

WORK=$ROOT/bench/.work
SUPERVISOR=$ROOT/bootstrap/target/dist/bin/harpoon-supervisor
PYTHON=$(command -v python3)
BENCH=("$PYTHON" "$ROOT/bench/bench.py" --work "$WORK" --probe "$WORK/probe" --supervisor "$SUPERVISOR"
  --jmh-dir "$ROOT/bench/jmh" --results "$ROOT/bench/results")
cleanup() { "${BENCH[@]}" --cleanup-only || true; }
BENCH_PID=
# bash runs a trap only once its foreground child ends, so the suite runs in the background and a
# Ctrl-C or a TERM is passed on to it (it cleans up itself); the EXIT trap then sweeps once more.
interrupted() {
  [ -z "$BENCH_PID" ] || { kill -TERM "$BENCH_PID" 2>/dev/null; wait "$BENCH_PID" || true; }
  exit 130
}
trap cleanup EXIT
trap interrupted INT TERM

if [ "$BUILD" -eq 1 ]; then
  echo "== building the distribution and the JMH benchmarks"
  mvn -B -q -ntp install -DskipTests
  mvn -B -q -ntp -f bench/jmh/pom.xml compile
fi
[ -x "$SUPERVISOR" ] || { echo "no $SUPERVISOR: run without --no-build" >&2; exit 1; }
[ -f bench/jmh/target/classpath.txt ] || mvn -B -q -ntp -f bench/jmh/pom.xml compile

mkdir -p "$WORK"
rm -rf "$WORK/runs" "$WORK/logs"
[ -x "$WORK/rootfs/bin/busybox" ] || busybox_rootfs "$WORK/rootfs"
gcc -O2 -Wall -o "$WORK/probe" bench/src/probe.c
# A thousand control clients need a thousand descriptors, in the probe and in the supervisor.
ulimit -n "$(ulimit -Hn)"
[ "$(ulimit -n)" = unlimited ] || [ "$(ulimit -n)" -ge 2100 ] || {
  echo "need at least 2100 open files (ulimit -n), have $(ulimit -n)" >&2
  exit 1
}

# Not a shell function: $! must be python's own pid, not a subshell's.
"${BENCH[@]}" --command "sudo bench/run.sh${PASS[*]:+ ${PASS[*]}}" ${PASS[@]+"${PASS[@]}"} &
BENCH_PID=$!
wait "$BENCH_PID"
