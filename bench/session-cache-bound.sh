#!/usr/bin/env bash
# Authenticated throughput and latency of one node holding many live sessions (200,000 by default), window by
# window, while its caches of verified tokens, session owners and session activity fill up to their bounds and run
# past them. A cache that empties itself when full shows up as windows far slower than the rest; the last lines
# compare the worst window of each phase with its median.
#
# Builds the sample app's test classes with the Maven wrapper, then runs the driver
# io.myuser.sample.bench.SessionCacheBenchmark (sample-app/src/test, a main class, not a test) in one JVM limited to
# BENCH_HEAP (-Xmx1g). It starts an embedded PostgreSQL server (a separate process, so the rows are not in the JVM's
# heap) and the sample app on it, inserts the users and sessions on the server, signs one access token per session
# with the app's own codec, and sends GET /api/greeting with those tokens from a few client threads over keep-alive
# loopback connections (a minimal HTTP/1.1 client in the same JVM):
#   - warm-up: a separate set of 20,000 sessions, each once, then 2,000 of them at random for 10 s;
#   - fill: every session once, in a shuffled order (first requests: every cache misses, fills, then evicts);
#   - steady: sessions drawn uniformly at random from all of them for [steady-seconds].
# Every answer must be 200 and name the token's user, else the run stops with status 1 and no figures.
# Per window: req/s, p50/p99/max latency, tokens verified per second by the codec (misses of the verified-token
# cache) and database connections per second on request threads (session owner reads, activity writes), and both per
# request (these two do not depend on how fast the machine is: a cache that starts over shows as a jump). At the end:
# the live heap after full collections, and per phase lowest/median throughput and highest/median p99 of its full
# windows.
#
# Usage: bench/session-cache-bound.sh [sessions] [steady-seconds] [window-seconds] [connections] [--property=value ...]
#   (arguments starting with -- go to the application, e.g. --myuser.token.verified-token-cache-size=50000)
# Needs: a JDK 17+; Maven fetches the rest (PostgreSQL itself comes as io.zonky binaries). BENCH_MAVEN_ARGS adds
# arguments to the build, such as -o; BENCH_HEAP sets the heap flags (default -Xmx1g).
set -euo pipefail
cd "$(dirname "$0")/.."

HEAP=${BENCH_HEAP:--Xmx1g}

# shellcheck disable=SC2086
./mvnw -q ${BENCH_MAVEN_ARGS:-} -pl sample-app -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
CP="sample-app/target/test-classes:sample-app/target/classes:$(cat sample-app/target/bench-classpath.txt)"

OUT=$(mktemp)
trap 'rm -f "$OUT"' EXIT
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')
# shellcheck disable=SC2086
java $HEAP -cp "$CP" io.myuser.sample.bench.SessionCacheBenchmark "$@" | tee "$OUT"
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')

field() { # $1 = key of the driver's RESULT line
  awk -v key="$1" '/^RESULT / { for (i = 2; i <= NF; i++) { split($i, kv, "="); if (kv[1] == key) print kv[2] } }' "$OUT"
}
grep -q '^RESULT ' "$OUT" || { echo "the benchmark did not finish" >&2; exit 1; }
echo
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), $HEAP, load average $LOAD_BEFORE before, $LOAD_AFTER after"
echo "fill:   median $(field fill_median_rps) req/s, lowest/median window $(field fill_min_ratio), highest/median p99 $(field fill_p99_ratio)"
echo "steady: median $(field steady_median_rps) req/s, lowest/median window $(field steady_min_ratio), highest/median p99 $(field steady_p99_ratio)"
echo "steady: tokens verified per request median $(field steady_verified_per_request), highest window $(field steady_max_verified_per_request); connections per request median $(field steady_connections_per_request), highest window $(field steady_max_connections_per_request)"
