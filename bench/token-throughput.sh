#!/usr/bin/env bash
# Password logins per second (MyUser's default Argon2id cost) and refreshes per second (rotation on) of one node of
# the sample app on an embedded PostgreSQL server, over loopback HTTP, rate limiting on (memory store, limits raised
# so nothing is refused). For sizing a deployment (see docs/sizing.md); no bound, no verdict.
#
# Builds the sample app's test classes with the Maven wrapper, then runs the driver
# io.myuser.sample.bench.TokenThroughputBenchmark (sample-app/src/test, a main class, not a test) in one JVM: after
# a warm-up of each kind, [rounds] rounds of [seconds] of logins, then [seconds] of refreshes, from [threads] client
# threads in the same JVM (each refreshing a session of its own with its newest refresh token). Any answer other than
# 200 stops the run with status 1.
#
# Usage: bench/token-throughput.sh [rounds] [seconds] [threads]     (defaults 3, 10, twice the cores)
# Needs: a JDK 17+; Maven fetches the rest. BENCH_MAVEN_ARGS adds arguments to the build, such as -o.
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
java $HEAP -cp "$CP" io.myuser.sample.bench.TokenThroughputBenchmark "$@" | tee "$OUT"
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')
grep -q '^RESULT ' "$OUT" || { echo "the benchmark did not finish" >&2; exit 1; }
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), $HEAP, load average $LOAD_BEFORE before, $LOAD_AFTER after"
