#!/usr/bin/env bash
# The heap one node keeps per live session, structure by structure: verified access tokens, session owners,
# activity written, revoked sessions, and the memory rate-limit store's budgets. For sizing a node's heap (see
# docs/sizing.md).
#
# Builds the sample app's test classes with the Maven wrapper, then runs the driver
# io.myuser.sample.bench.SessionMemoryBenchmark (sample-app/src/test, a main class, not a test) [runs] times, each in
# a JVM of its own limited to BENCH_HEAP (-Xmx1g): it starts an embedded PostgreSQL server (a separate process, so
# the rows are not in the JVM's heap) and the sample app on it, inserts [sessions] sessions on the server, signs an
# access token for each with a login's claims, and fills each structure in turn through the calls a request, a
# revocation on another node and a login make, reading the live heap after full collections before and after each.
# Prints bytes per entry per run and, at the end, the median of the runs; no bound, no verdict.
#
# Usage: bench/session-memory.sh [sessions] [runs]      (defaults 100000 and 3)
# Needs: a JDK 17+; Maven fetches the rest. BENCH_MAVEN_ARGS adds arguments to the build, such as -o.
set -euo pipefail
cd "$(dirname "$0")/.."

SESSIONS=${1:-100000}
RUNS=${2:-3}
HEAP=${BENCH_HEAP:--Xmx1g}

# shellcheck disable=SC2086
./mvnw -q ${BENCH_MAVEN_ARGS:-} -pl sample-app -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
CP="sample-app/target/test-classes:sample-app/target/classes:$(cat sample-app/target/bench-classpath.txt)"

OUT=$(mktemp)
trap 'rm -f "$OUT"' EXIT
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')
for run in $(seq 1 "$RUNS"); do
  echo "run $run of $RUNS"
  # shellcheck disable=SC2086
  java $HEAP -cp "$CP" io.myuser.sample.bench.SessionMemoryBenchmark "$SESSIONS" | grep -v '^\s*$' | tee -a "$OUT"
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')

median() { # $1 = key of the driver's RESULT lines; the median over the runs
  awk -v key="$1" '/^RESULT / { for (i = 2; i <= NF; i++) { split($i, kv, "="); if (kv[1] == key) print kv[2] } }' "$OUT" \
    | sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) exit 1; print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
[ "$(grep -c '^RESULT ' "$OUT")" -eq "$RUNS" ] || { echo "a run did not finish" >&2; exit 1; }
echo
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), $HEAP, load average $LOAD_BEFORE before, $LOAD_AFTER after"
echo "median of $RUNS runs, bytes per entry ($SESSIONS entries each):"
TOKEN=$(median verified_token_bytes); OWNER=$(median owner_bytes); ACTIVITY=$(median activity_bytes)
REVOKED=$(median revocation_bytes); RATE=$(median rate_limit_key_bytes)
printf '  verified access token (%s characters)  %6.0f\n' "$(median token_chars)" "$TOKEN"
printf '  session owner                          %6.0f\n' "$OWNER"
printf '  activity written                       %6.0f\n' "$ACTIVITY"
printf '  revoked session                        %6.0f\n' "$REVOKED"
printf '  rate-limit budget (memory store)       %6.0f\n' "$RATE"
awk -v t="$TOKEN" -v o="$OWNER" -v a="$ACTIVITY" -v r="$REVOKED" 'BEGIN {
  printf "per 100,000 sessions active within an access-token lifetime (token, owner, activity): %.1f MB\n", (t + o + a) * 100000 / 1048576
  printf "per 100,000 sessions revoked within an access-token lifetime: %.1f MB\n", r * 100000 / 1048576 }'
