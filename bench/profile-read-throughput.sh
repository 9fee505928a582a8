#!/usr/bin/env bash
# Throughput of GET profile/ (one read-only query) against the sample's authenticated greeting (no data), with the
# same access token.
#
# Starts the sample app (in-memory H2, fixed signing secret, demo account), logs in once, then drives
#   GET /api/greeting        (a host endpoint: MyUser's token authentication, no database work)  and
#   GET /api/auth/profile/   (the same authentication, then the account and its profile read)
# with wrk on loopback, alternating the two in several rounds so both see the same machine conditions. Each round
# yields one ratio; the result is the median of those ratios. Prints each round, the medians, and as its LAST line
# the ratio profile/greeting (target: >= 0.4). Stops with exit status 1, and no figures, as soon as wrk reports any
# "Non-2xx or 3xx responses" for either endpoint.
#
# Usage: bench/profile-read-throughput.sh [rounds] [seconds-per-round] [connections]
# BENCH_WARMUP: seconds of each endpoint, twice over, before the first round (default 30).
# Needs: a JDK 17+, and wrk (installed with apt-get when missing and running as root).
set -euo pipefail
cd "$(dirname "$0")/.."

ROUNDS=${1:-9}
DURATION=${2:-8}
CONNECTIONS=${3:-32}
PORT=${BENCH_PORT:-18082}
THREADS=${BENCH_WRK_THREADS:-1}

# wrk, the jar, the app with the demo account, $ACCESS, run and fail.
# shellcheck source=bench/lib.sh
. bench/lib.sh

echo "warming up (JIT) ..."
WARMUP=${BENCH_WARMUP:-30}
for _ in 1 2; do
  run /api/greeting greeting "$WARMUP" -H "Authorization: Bearer $ACCESS" >/dev/null || fail "the greeting"
  run /api/auth/profile/ profile "$WARMUP" -H "Authorization: Bearer $ACCESS" >/dev/null || fail "the profile"
done

GREET=(); PROF=(); RATIO=()
echo "round  greeting_rps  profile_rps  ratio"
for r in $(seq 1 "$ROUNDS"); do
  if [ $((r % 2)) -eq 1 ]; then
    g=$(run /api/greeting greeting "$DURATION" -H "Authorization: Bearer $ACCESS") || fail "the greeting"
    p=$(run /api/auth/profile/ profile "$DURATION" -H "Authorization: Bearer $ACCESS") || fail "the profile"
  else
    p=$(run /api/auth/profile/ profile "$DURATION" -H "Authorization: Bearer $ACCESS") || fail "the profile"
    g=$(run /api/greeting greeting "$DURATION" -H "Authorization: Bearer $ACCESS") || fail "the greeting"
  fi
  q=$(awk -v p="$p" -v g="$g" 'BEGIN { printf "%.3f", p / g }')
  GREET+=("$g"); PROF+=("$p"); RATIO+=("$q")
  printf '%5s  %12s  %11s  %5s\n' "$r" "$g" "$p" "$q"
done

median() { printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END {if (NR%2) print v[(NR+1)/2]; else print (v[NR/2]+v[NR/2+1])/2}'; }
MG=$(median "${GREET[@]}"); MP=$(median "${PROF[@]}"); MR=$(median "${RATIO[@]}")
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), wrk -t$THREADS -c$CONNECTIONS, ${ROUNDS}x${DURATION}s each, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "median greeting: $MG req/s, median profile: $MP req/s"
printf 'ratio profile/greeting (median of per-round ratios): %.3f\n' "$MR"
