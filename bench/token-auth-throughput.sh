#!/usr/bin/env bash
# Throughput of an authenticated endpoint against the same app's open endpoint of equal work.
#
# Starts the sample app (in-memory H2, fixed signing secret, demo account), logs in once, then drives
#   GET /public/greeting   (no token)        and
#   GET /api/greeting      (MyUser access token: signature, claims, revocation cache, session activity)
# with wrk on loopback, alternating the two in several rounds so both see the same machine conditions.
# Each round measures both back to back and yields one ratio; the result is the median of those ratios, which
# cancels the slow drifts of a shared machine. Prints each round, the medians, and as its LAST line the ratio
# authenticated/open (target: >= 0.85). Stops with exit status 1, and no figures, as soon as wrk reports any
# "Non-2xx or 3xx responses" for either endpoint (for example once the access token, valid 15 minutes, expired
# during a long run): that would measure the throughput of 401 answers.
#
# Usage: bench/token-auth-throughput.sh [rounds] [seconds-per-round] [connections]
# BENCH_WARMUP: seconds of each endpoint before the first round (default 60).
# Needs: a JDK 17+, and wrk (installed with apt-get when missing and running as root).
set -euo pipefail
cd "$(dirname "$0")/.."

ROUNDS=${1:-9}
DURATION=${2:-15}
CONNECTIONS=${3:-32}
PORT=${BENCH_PORT:-18080}
THREADS=${BENCH_WRK_THREADS:-1}

# wrk, the jar, the app with the demo account, $ACCESS, run and fail.
# shellcheck source=bench/lib.sh
. bench/lib.sh

echo "warming up (JIT) ..."
run /public/greeting open "${BENCH_WARMUP:-60}" >/dev/null || fail "the open endpoint"
run /api/greeting authenticated "${BENCH_WARMUP:-60}" -H "Authorization: Bearer $ACCESS" >/dev/null || fail "the authenticated endpoint"

OPEN=(); AUTH=(); RATIO=()
echo "round  open_rps  authenticated_rps  ratio"
for r in $(seq 1 "$ROUNDS"); do
  if [ $((r % 2)) -eq 1 ]; then
    o=$(run /public/greeting open "$DURATION") || fail "the open endpoint"
    a=$(run /api/greeting authenticated "$DURATION" -H "Authorization: Bearer $ACCESS") || fail "the authenticated endpoint"
  else
    a=$(run /api/greeting authenticated "$DURATION" -H "Authorization: Bearer $ACCESS") || fail "the authenticated endpoint"
    o=$(run /public/greeting open "$DURATION") || fail "the open endpoint"
  fi
  q=$(awk -v a="$a" -v o="$o" 'BEGIN { printf "%.3f", a / o }')
  OPEN+=("$o"); AUTH+=("$a"); RATIO+=("$q")
  printf '%5s  %8s  %17s  %5s\n' "$r" "$o" "$a" "$q"
done

median() { printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END {if (NR%2) print v[(NR+1)/2]; else print (v[NR/2]+v[NR/2+1])/2}'; }
MO=$(median "${OPEN[@]}"); MA=$(median "${AUTH[@]}"); MR=$(median "${RATIO[@]}")
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), wrk -t$THREADS -c$CONNECTIONS, ${ROUNDS}x${DURATION}s each"
echo "median open: $MO req/s, median authenticated: $MA req/s"
printf 'ratio authenticated/open (median of per-round ratios): %.3f\n' "$MR"
