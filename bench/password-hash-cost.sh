#!/usr/bin/env bash
# What one password hash with MyUser's default encoder (Argon2id: 16 MiB, 2 iterations, parallelism 1) costs:
# the work every login (failed ones included), registration, password change and reset, and deletion request
# does once.
#
# Builds the sample app's test classes with the Maven wrapper, then runs the driver
# io.myuser.sample.bench.PasswordHashBenchmark (sample-app/src/test, a main class, not a test) in one JVM, no
# application started: after warm-up checks, the time of one check on one thread (median, p90) and the heap it
# allocates, then checks per second and the median time of one check with several threads at once (default: one
# per processor). Prints both and the machine; the figures are costs to size a deployment by, so there is no
# bound and no verdict.
#
# Usage: bench/password-hash-cost.sh [checks-per-thread] [threads]
# Needs: a JDK 17+; Maven fetches the rest. BENCH_MAVEN_ARGS adds arguments to the build, such as -o.
set -euo pipefail
cd "$(dirname "$0")/.."

CHECKS=${1:-50}
THREADS=${2:-$(nproc)}

# shellcheck disable=SC2086
./mvnw -q ${BENCH_MAVEN_ARGS:-} -pl sample-app -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
CP="sample-app/target/test-classes:sample-app/target/classes:$(cat sample-app/target/bench-classpath.txt)"

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')
java -Xmx512m -cp "$CP" io.myuser.sample.bench.PasswordHashBenchmark "$CHECKS" "$THREADS"
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), load average $LOAD_BEFORE before, $LOAD_AFTER after"
