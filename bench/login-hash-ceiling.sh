#!/usr/bin/env bash
# Password-login throughput against the configured password hasher's own ceiling: the sample app's POST token/
# (rate limiting on, limits raised) from N client threads, against the same application's PasswordEncoder bean
# checking a stored hash on N threads with nothing else, in one JVM, alternating round after round. A login
# computes one hash, so the ratio says how much of a login's cost is not the hash. Prints each round, the
# medians, and as its LAST line the median of the per-round ratios logins/hashes (target: >= 0.9).
#
# Builds the sample app's test classes and runs the driver io.myuser.sample.bench.LoginHashCeilingBenchmark
# (sample-app/src/test, a main class, not a test).
#
# Usage: bench/login-hash-ceiling.sh [rounds] [seconds-per-round] [threads]   (BENCH_WARMUP: seconds of logins first, default 180)
# Needs: a JDK 17+; Maven fetches the rest. BENCH_MAVEN_ARGS adds arguments to the build, such as -o.
set -euo pipefail
cd "$(dirname "$0")/.."

# shellcheck disable=SC2086
./mvnw -q ${BENCH_MAVEN_ARGS:-} -pl sample-app -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
CP="sample-app/target/test-classes:sample-app/target/classes:$(cat sample-app/target/bench-classpath.txt)"

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
OUT=$(java -Xmx768m -Dbench.warmup="${BENCH_WARMUP:-180}" -cp "$CP" io.myuser.sample.bench.LoginHashCeilingBenchmark "$@")
printf '%s\n' "$OUT" | grep -v '^RESULT'
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
printf '%s\n' "$OUT" | grep '^RESULT'
