#!/usr/bin/env bash
# Response times of the anonymous account routes for an address with an account and for one without, so that the
# time of an answer does not tell whether an address is registered:
#   POST registration/               taken address            vs  a new address each time
#   POST password/reset/             address of an account    vs  unknown address
#   POST registration/resend-email/  unverified account       vs  unknown address
#
# Builds the sample app's test classes with the Maven wrapper, then runs the driver
# io.myuser.sample.bench.AnswerTimingBenchmark (sample-app/src/test, a main class, not a test) in one JVM: the
# sample app on in-memory H2, driven over loopback HTTP. Per route, warm-up pairs first, then the measured pairs,
# the two requests of a pair back to back, alternating which goes first. Every pair must answer the same status
# and body. Prints each route's percentiles, a summary, and as its LAST line the verdict: for every route the
# ratio of the medians registered/unregistered must lie within 1 +- BOUND (default 0.10) and the two interquartile
# ranges must overlap; exits 1 otherwise. (The tests assert the same work instead: the same number of password
# hashes and of enqueued jobs, see AccountFlowTests.)
#
# Usage: bench/anonymous-answer-timing.sh [pairs] [warm-up-pairs]
# Needs: a JDK 17+; Maven fetches the rest. BENCH_MAVEN_ARGS adds arguments to the build, such as -o;
# BENCH_BOUND changes the allowed distance of the ratio from 1; BENCH_PAUSE_JOBS=true pauses the job engine for the
# whole run (the mail jobs wait), so only the requests' own work is timed: a diagnosis of where a difference comes
# from, not the figure that counts.
set -euo pipefail
cd "$(dirname "$0")/.."

PAIRS=${1:-200}
WARM_UP=${2:-50}
BOUND=${BENCH_BOUND:-0.10}

# shellcheck disable=SC2086
./mvnw -q ${BENCH_MAVEN_ARGS:-} -pl sample-app -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
CP="sample-app/target/test-classes:sample-app/target/classes:$(cat sample-app/target/bench-classpath.txt)"

OUT=$(mktemp)
trap 'rm -f "$OUT"' EXIT

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')
java -Xmx512m -Dbench.pause-jobs="${BENCH_PAUSE_JOBS:-false}" -cp "$CP" io.myuser.sample.bench.AnswerTimingBenchmark "$PAIRS" "$WARM_UP" | tee "$OUT"
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')

field() { # $1 = route, $2 = key of the driver's RESULT line
  awk -v route="$1" -v key="$2" '/^RESULT / {
    found = 0; value = ""
    for (i = 2; i <= NF; i++) { split($i, kv, "="); if (kv[1] == "route" && kv[2] == route) found = 1; if (kv[1] == key) value = kv[2] }
    if (found) print value }' "$OUT"
}

ROUTES="registration password-reset resend-email"
for route in $ROUTES; do
  [ -n "$(field "$route" ratio)" ] || { echo "FAILED: no figures for $route" >&2; exit 1; }
done

echo
echo "route            registered_ms (p25 median p75)   unregistered_ms (p25 median p75)   ratio  verdict"
VERDICT=PASS
for route in $ROUTES; do
  v=$(awk -v r="$(field "$route" ratio)" -v b="$BOUND" \
    -v kl="$(field "$route" registered_p25_ms)" -v kh="$(field "$route" registered_p75_ms)" \
    -v ul="$(field "$route" unregistered_p25_ms)" -v uh="$(field "$route" unregistered_p75_ms)" \
    'BEGIN { print (r >= 1 - b && r <= 1 + b && kl <= uh && ul <= kh) ? "PASS" : "FAIL" }')
  [ "$v" = PASS ] || VERDICT=FAIL
  printf '%-16s %9s %8s %8s            %9s %8s %8s        %6s  %s\n' "$route" \
    "$(field "$route" registered_p25_ms)" "$(field "$route" registered_median_ms)" "$(field "$route" registered_p75_ms)" \
    "$(field "$route" unregistered_p25_ms)" "$(field "$route" unregistered_median_ms)" "$(field "$route" unregistered_p75_ms)" \
    "$(field "$route" ratio)" "$v"
done
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), load average $LOAD_BEFORE before, $LOAD_AFTER after"
echo "registered/unregistered medians within 1 +- $BOUND and quartiles overlapping on every route: $VERDICT"
[ "$VERDICT" = PASS ]
