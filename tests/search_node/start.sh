#!/usr/bin/env bash
# Start the embedded OpenSearch test node in the background and wait until the
# cluster is usable. Safe to call from any directory.
#
#   SEARCH_NODE_PORT  HTTP port (default 9200)
#   SEARCH_NODE_HOME  node home: data, pid file, node.log (default <repo>/var/search-node)
#   SEARCH_NODE_HEAP  JVM heap, used for both -Xms and -Xmx (default 512m)
#   SEARCH_NODE_JAVA  java binary (default: java on PATH; OpenSearch 2.19 wants 17+)
#   SEARCH_NODE_WAIT  seconds to wait for a healthy cluster (default 120)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
PORT="${SEARCH_NODE_PORT:-9200}"
NODE_HOME="${SEARCH_NODE_HOME:-$ROOT/var/search-node}"
HEAP="${SEARCH_NODE_HEAP:-512m}"
JAVA="${SEARCH_NODE_JAVA:-java}"
WAIT="${SEARCH_NODE_WAIT:-120}"
URL="http://127.0.0.1:$PORT"
PID_FILE="$NODE_HOME/node.pid"
LOG="$NODE_HOME/node.log"
MAIN=site_cms.searchnode.SearchNode

healthy() {
    curl -s --max-time 2 "$URL/_cluster/health" 2>/dev/null | grep -Eq '"status":"(green|yellow)"'
}

# Build on first use, and again whenever the sources changed, so a stale
# target/ never runs old code. Maven's own up-to-date checks keep this cheap.
STAMP="$HERE/target/.built"
if [[ ! -f "$STAMP" || ! -d "$HERE/target/dependency" || -n "$(find "$HERE/pom.xml" "$HERE/src" -newer "$STAMP" -print -quit)" ]]; then
    echo "search-node: building (mvn package)..." >&2
    # Debian's Maven 3.8 emits colour codes even in batch mode; strip them.
    mvn -q -B -f "$HERE/pom.xml" package dependency:copy-dependencies 2>&1 |
        sed 's/\x1b\[[0-9;]*m//g' >&2
    touch "$STAMP"
fi

mkdir -p "$NODE_HOME"

# Idempotent: a second start while our node is up is not an error.
if [[ -f "$PID_FILE" ]] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null && healthy; then
    echo "READY $URL (already running, pid $(cat "$PID_FILE"))"
    exit 0
fi
# Something else answering on the port would make every later check lie.
if curl -s --max-time 2 -o /dev/null "$URL/"; then
    echo "search-node: port $PORT is already in use by another process" >&2
    exit 1
fi

start_ns=$(date +%s%N)
# setsid + nohup: the node must outlive this script and not get the caller's
# Ctrl-C / SIGHUP; only stop.sh ends it. SerialGC: a small test heap on a
# 2-core box gains nothing from G1; Serial measured ~20 MB less RSS, fewer threads.
setsid nohup "$JAVA" -Xms"$HEAP" -Xmx"$HEAP" -XX:+UseSerialGC -Djava.awt.headless=true \
    -Dfile.encoding=UTF-8 \
    -cp "$HERE/target/classes:$HERE/target/dependency/*" \
    "$MAIN" --port "$PORT" --home "$NODE_HOME" </dev/null >"$LOG" 2>&1 &
pid=$!
# The JVM rewrites this with the same pid once ready; writing it now lets
# stop.sh end a node that is still starting.
echo "$pid" >"$PID_FILE"

deadline=$(( $(date +%s) + WAIT ))
until healthy; do
    if ! kill -0 "$pid" 2>/dev/null; then
        echo "search-node: process exited during startup; last log lines:" >&2
        tail -n 40 "$LOG" >&2
        rm -f "$PID_FILE"
        exit 1
    fi
    if (( $(date +%s) >= deadline )); then
        echo "search-node: not healthy after ${WAIT}s; last log lines:" >&2
        tail -n 40 "$LOG" >&2
        "$HERE/stop.sh" >&2 || true
        exit 1
    fi
    sleep 0.5
done

elapsed=$(( ($(date +%s%N) - start_ns) / 1000000 ))
printf 'READY %s (pid %s, started in %d.%03ds)\n' "$URL" "$pid" $((elapsed / 1000)) $((elapsed % 1000))
