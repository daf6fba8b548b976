#!/usr/bin/env bash
# The harpoon-supervisor benchmark suite, in one command (see docs/benchmarks.md):
#
#   sudo bench/run.sh [--quick] [--no-build] [--runs N] [--skip jmh,startup,footprint,fanout,density]
#   sudo bench/run.sh --no-build --ab 'A;opts=-Xss256k' --ab 'B;launcher=/other/dist/bin/harpoon-supervisor'
#
# Builds the distribution (mvn package), the native probe (gcc) and the JMH benchmarks, then measures
# this project (the launcher's default Java with its class data, and JDK 17 with AppCDS), the original
# Go supervisor (when reference/harpoon-supervisor-go is there) and runc itself, interleaved in one run:
# start-up, CPU, shutdown, footprint, idle CPU, fan-out, density and the hot in-process paths. Writes
# bench/results/<date>.md, .json and a chart .png (gnuplot). --ab compares variants of this project only.
# Needs root: the OCI runtime creates namespaces and cgroups. Everything it starts is stopped on exit.
# Full run: about 8 minutes on 2 cores; --quick: under 3 (both plus the Maven build).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
. scripts/lib.sh

BUILD=1
PASS=()
for arg in "$@"; do
  case "$arg" in
    --no-build) BUILD=0 ;;
    -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) PASS+=("$arg") ;;
  esac
done

if [ "$(id -u)" -ne 0 ]; then
  echo "the benchmarks need root: they create namespaces and cgroups (try: sudo $0 $*)" >&2
  exit 1
fi
ensure_build_tools
ensure_packages runc busybox-static gcc python3
# The chart: gnuplot without X; without it the report says so and there is no PNG (or matplotlib draws it).
ensure_packages gnuplot-nox || echo "no gnuplot: the run's chart needs gnuplot-nox (or python3-matplotlib)" >&2

WORK=$ROOT/bench/.work
DIST=$ROOT/bootstrap/target/dist
SUPERVISOR=$DIST/bin/harpoon-supervisor
JMH=$ROOT/bench/jmh
PYTHON=$(command -v python3)
BENCH=("$PYTHON" "$ROOT/bench/bench.py" --work "$WORK" --probe "$WORK/probe" --supervisor "$SUPERVISOR"
  --jmh-dir "$JMH" --results "$ROOT/bench/results")
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

# compile_jmh — the JMH benchmarks against the distribution's own jars (nothing installed into ~/.m2).
compile_jmh() {
  [ -f "$JMH/target/classpath.txt" ] || mvn -B -q -ntp -f "$JMH/pom.xml" initialize
  local cp
  cp="$(cat "$JMH/target/classpath.txt"):$DIST/lib/*"
  rm -rf "$JMH/target/classes"
  javac --release 17 -nowarn -d "$JMH/target/classes" -cp "$cp" -processorpath "$cp" \
    $(find "$JMH/src/main/java" -name '*.java')
}

if [ "$BUILD" -eq 1 ]; then
  echo "== building the distribution and the JMH benchmarks"
  mvn -B -q -ntp package -DskipTests
fi
[ -x "$SUPERVISOR" ] || { echo "no $SUPERVISOR: run without --no-build" >&2; exit 1; }
[ "$BUILD" -eq 0 ] && [ -f "$JMH/target/classes/META-INF/BenchmarkList" ] || compile_jmh

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
