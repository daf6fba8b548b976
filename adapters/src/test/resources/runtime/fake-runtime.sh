#!/bin/sh
# A stand-in for runc in tests. Takes runc's global flags, records the call in ./calls, then runs
# ./<command>.sh (beside this script) if the test wrote one; exits 0 otherwise.
dir=$(dirname "$0")
while [ $# -gt 0 ]; do
  case "$1" in
    --log) LOG="$2"; shift 2 ;;
    --log-format|--root) shift 2 ;;
    *) break ;;
  esac
done
command="$1"
shift
echo "$command" "$@" >> "$dir/calls"
for arg in "$@"; do
  [ "$previous" = "--pid-file" ] && PIDFILE="$arg"
  previous="$arg"
done
if [ -f "$dir/$command.sh" ]; then
  . "$dir/$command.sh"
fi
exit 0
