#!/usr/bin/env bash
# Stop the node started by start.sh: SIGTERM (the JVM's shutdown hook closes
# the node and flushes the data), then SIGKILL if it hangs.
#
#   SEARCH_NODE_HOME  same as for start.sh (default <repo>/var/search-node)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
NODE_HOME="${SEARCH_NODE_HOME:-$ROOT/var/search-node}"
PID_FILE="$NODE_HOME/node.pid"

if [[ ! -f "$PID_FILE" ]]; then
    echo "search-node: not running (no $PID_FILE)"
    exit 0
fi
pid="$(cat "$PID_FILE")"

# A pid file can outlive its process (host reboot, SIGKILL); never signal a
# recycled pid that now belongs to something else.
if ! kill -0 "$pid" 2>/dev/null || ! tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q 'site_cms.searchnode.SearchNode'; then
    echo "search-node: stale pid file (pid $pid is not a search node), removing it"
    rm -f "$PID_FILE"
    exit 0
fi

kill -TERM "$pid"
for _ in $(seq 60); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
done
if kill -0 "$pid" 2>/dev/null; then
    echo "search-node: pid $pid ignored SIGTERM for 30s, sending SIGKILL" >&2
    kill -KILL "$pid" 2>/dev/null || true
    for _ in $(seq 20); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.5
    done
fi
rm -f "$PID_FILE"
echo "search-node: stopped (pid $pid)"
