#!/usr/bin/env bash
# Runs the whole test suite: unit tests, architecture checks, the native privileged it-tests (root + runc)
# and the container suite (Docker). As root on Debian/Ubuntu it installs what is missing and starts
# dockerd for the run if it is not already running.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

ensure_build_tools
if [ "$(id -u)" -eq 0 ]; then
  ensure_packages runc busybox-static crun socat docker.io
fi

started_dockerd=""
stop_dockerd() {
  if [ -n "$started_dockerd" ]; then
    kill "$started_dockerd" 2>/dev/null || true
    wait "$started_dockerd" 2>/dev/null || true
  fi
}
trap stop_dockerd EXIT

if [ "$(id -u)" -eq 0 ] && command -v dockerd >/dev/null 2>&1 && ! docker info >/dev/null 2>&1; then
  dockerd >/tmp/harpoon-dockerd.log 2>&1 &
  started_dockerd=$!
  for _ in $(seq 1 100); do
    [ -S /var/run/docker.sock ] && docker info >/dev/null 2>&1 && break
    sleep 0.2
  done
  docker info >/dev/null 2>&1 || { echo "dockerd did not come up; see /tmp/harpoon-dockerd.log" >&2; exit 1; }
fi

mvn -B -ntp verify "$@"
