#!/usr/bin/env bash
# Builds the distribution and runs the supervisor on a bundled demo container (a busybox rootfs with a
# small ticking workload): shows the state stream on ./control, stops the container, and exits cleanly.
# Needs root (the OCI runtime creates namespaces and cgroups). On Debian/Ubuntu it installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

if [ "$(id -u)" -ne 0 ]; then
  echo "the demo needs root: it creates namespaces and cgroups (try: sudo $0)" >&2
  exit 1
fi
ensure_build_tools
ensure_packages runc busybox-static socat

echo "== building the distribution"
mvn -B -q -ntp package -DskipTests
SUPERVISOR=$PWD/bootstrap/target/dist/bin/harpoon-supervisor

RUN=$PWD/demo/run
rm -rf "$RUN"
mkdir -p "$RUN"
busybox_rootfs "$RUN/rootfs"
cp demo/agent.json "$RUN/agent.json"
cd "$RUN"

echo "== starting the supervisor in $RUN"
"$SUPERVISOR" --hostname demo.local --ID harpoon-demo -- \
  sh -c 'trap "echo stopping on SIGTERM; exit 0" TERM
         echo "$GREETING on $(hostname) as uid $(id -u)"
         i=0; while true; do i=$((i+1)); echo "tick $i"; sleep 1; done' &
supervisor=$!
trap 'kill $supervisor 2>/dev/null || true' EXIT

for _ in $(seq 1 100); do [ -S control ] && break; sleep 0.1; done
[ -S control ] || { echo "no control socket appeared" >&2; exit 1; }

echo "== the state stream on ./control (7 s: the first states, then metrics every 3 s)"
timeout 7 socat -u UNIX-CONNECT:control - | sed 's/^/  | /' || true

CTL=$(dirname "$SUPERVISOR")/harpoonctl
echo "== harpoonctl status"
"$CTL" status | sed 's/^/  | /'

echo "== harpoonctl stop --wait (SIGTERM; the workload traps it and exits 0)"
"$CTL" stop --wait --timeout 30s | sed 's/^/  | /'

echo "== harpoonctl exit"
"$CTL" exit | sed 's/^/  | /'
wait "$supervisor" && status=0 || status=$?
trap - EXIT
echo "== the supervisor exited with status $status"
[ "$status" -eq 0 ]
