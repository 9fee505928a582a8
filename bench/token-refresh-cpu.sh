#!/usr/bin/env bash
# Server CPU time of one token refresh with rotation (POST token/refresh/, each answer's refresh token presented
# by the next request, so every request rotates: two tokens signed, the presented row rotated, a new row stored).
#
# Starts the sample app (in-memory H2, a fixed signing secret, the demo account, the refresh rate limit raised
# so that no request is refused), logs in once and drives refreshes with wrk over one keep-alive connection on
# loopback. Per round: the server process's CPU time (user + system, from /proc/<pid>/stat) before and after,
# divided by the number of refreshes wrk counted. The JIT compiler's threads are left out (see cpu_ticks); GC and
# background work (the revocation poll, the job scheduler) are included, and the script measures the idle CPU
# first and prints it, so its share can be judged. A warm-up (BENCH_WARMUP seconds, default 90) drives refreshes
# before the first round.
#
# With BENCH_BASELINE_JAR set to another build of the sample app, both run side by side (two processes, two
# ports) and the rounds alternate between them; the last line is then the ratio of the medians
# (this build / baseline). Without it, the last line is the median CPU ms per refresh.
#
# Usage: bench/token-refresh-cpu.sh [rounds] [seconds-per-round]
# Needs: a JDK 17+, wrk.
set -euo pipefail
cd "$(dirname "$0")/.."

ROUNDS=${1:-7}
DURATION=${2:-8}
PORT=${BENCH_PORT:-18090}
TICK=$(getconf CLK_TCK)
command -v wrk >/dev/null 2>&1 || { echo "wrk is required (apt-get install wrk)" >&2; exit 1; }

JAR=sample-app/target/myuser-sample-app-0.1.0-SNAPSHOT.jar
if [ ! -f "$JAR" ] || [ -n "${BENCH_REBUILD:-}" ]; then
  ./mvnw -q -pl sample-app -am package -DskipTests
fi

PIDS=(); LOGS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; rm -f "${LOGS[@]}"; }
trap cleanup EXIT

start() { # $1 = jar, $2 = port; prints the pid
  local log; log=$(mktemp); LOGS+=("$log")
  java -Xms512m -Xmx512m -jar "$1" --server.port="$2" \
    --myuser.token.signing.secret=base64:WLNoOHio2il1gNTRByT/rni6PBsPYRgx/Ndv+Xk8jOs= \
    --myuser.rate-limit.scopes.token-refresh.per-ip=100000000/min \
    --logging.level.root=WARN --logging.level.audit=WARN >"$log" 2>&1 &
  echo $!
}

wait_up() { # $1 = pid, $2 = port
  for _ in $(seq 1 600); do
    if curl -fs "http://127.0.0.1:$2/public/greeting" >/dev/null 2>&1; then return 0; fi
    kill -0 "$1" 2>/dev/null || { echo "the app on port $2 did not start" >&2; exit 1; }
    sleep 0.5
  done
  echo "the app on port $2 did not start in time" >&2; exit 1
}

login() { # $1 = port; prints the refresh token
  local answer
  for _ in $(seq 1 40); do
    answer=$(curl -s -X POST "http://127.0.0.1:$1/api/auth/token/" -H 'Content-Type: application/json' \
      -d '{"email":"demo@example.com","password":"correct horse battery staple"}')
    case "$answer" in *refresh*) printf '%s' "$answer" | sed -E 's/.*"refresh":"([^"]+)".*/\1/'; return 0 ;; esac
    sleep 0.5
  done
  echo "login failed on port $1: $answer" >&2; exit 1
}

# CPU ticks (user + system) of the process's threads, without the JIT compiler's threads: compilation goes on
# for minutes after startup on a busy 2-core machine and would be charged to whichever round it falls in. GC and
# every other thread are counted.
cpu_ticks() {
  cat /proc/"$1"/task/*/stat 2>/dev/null | awk '{ comm = $0; sub(/^[0-9]+ \(/, "", comm); sub(/\) [A-Za-z] .*$/, "", comm)
    rest = $0; sub(/^.*\) /, "", rest); split(rest, f, " ")
    if (comm !~ /^C[12] CompilerThre/) t += f[12] + f[13] } END { print t + 0 }'
}

# One round against the app on $2 (pid $1), $3 seconds: prints "refreshes cpu_ms_per_refresh".
round() {
  local before after report n token
  token=$(login "$2") # a new session per round; its password hash is not counted
  before=$(cpu_ticks "$1")
  report=$(BENCH_REFRESH=$token wrk -t1 -c1 -d"$3"s -s bench/token-refresh.lua "http://127.0.0.1:$2" 2>&1) || true
  after=$(cpu_ticks "$1")
  n=$(printf '%s\n' "$report" | bench/wrk-requests-per-second.sh "refresh on port $2" >/dev/null \
    && printf '%s\n' "$report" | awk '/requests in/ { print $1 }') || { echo "benchmark aborted" >&2; exit 1; }
  awk -v n="$n" -v t=$((after - before)) -v hz="$TICK" 'BEGIN { printf "%d %.3f\n", n, t * 1000 / hz / n }'
}

NAMES=(this); JARS=("$JAR"); PORTS=("$PORT")
if [ -n "${BENCH_BASELINE_JAR:-}" ]; then NAMES+=(baseline); JARS+=("$BENCH_BASELINE_JAR"); PORTS+=($((PORT + 1))); fi
for i in "${!JARS[@]}"; do PIDS+=("$(start "${JARS[$i]}" "${PORTS[$i]}")"); done
for i in "${!JARS[@]}"; do wait_up "${PIDS[$i]}" "${PORTS[$i]}"; done

echo "warming up (JIT) ..."
for i in "${!JARS[@]}"; do round "${PIDS[$i]}" "${PORTS[$i]}" "${BENCH_WARMUP:-90}" >/dev/null; done
for i in "${!JARS[@]}"; do
  b=$(cpu_ticks "${PIDS[$i]}"); sleep 5; a=$(cpu_ticks "${PIDS[$i]}")
  awk -v t=$((a - b)) -v hz="$TICK" -v name="${NAMES[$i]}" 'BEGIN { printf "idle %s: %.1f ms CPU per second\n", name, t * 1000 / hz / 5 }'
done

declare -A MS
echo "round  build     refreshes  cpu_ms_per_refresh"
for r in $(seq 1 "$ROUNDS"); do
  order=("${!JARS[@]}"); if [ $((r % 2)) -eq 0 ]; then order=($(printf '%s\n' "${order[@]}" | sort -rn)); fi
  for i in "${order[@]}"; do
    read -r n ms < <(round "${PIDS[$i]}" "${PORTS[$i]}" "$DURATION")
    MS[$i]="${MS[$i]:-} $ms"
    printf '%5s  %-8s  %9s  %18s\n' "$r" "${NAMES[$i]}" "$n" "$ms"
  done
done

median() { printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END {if (NR%2) print v[(NR+1)/2]; else print (v[NR/2]+v[NR/2+1])/2}'; }
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), load average $(cut -d' ' -f1-3 /proc/loadavg), ${ROUNDS}x${DURATION}s, wrk -t1 -c1"
M0=$(median ${MS[0]})
if [ -n "${BENCH_BASELINE_JAR:-}" ]; then
  M1=$(median ${MS[1]})
  echo "median CPU per refresh: this build $M0 ms, baseline $M1 ms"
  awk -v a="$M0" -v b="$M1" 'BEGIN { printf "ratio CPU per refresh this/baseline (medians): %.3f\n", a / b }'
else
  echo "median CPU ms per refresh: $M0"
fi
