#!/usr/bin/env bash
# What one rate-limit check costs in each store: tryConsume operations per second (and the 50th and 99th percentile
# of one call) of the memory, PostgreSQL and Redis stores, on this machine, in one run.
#
# Builds the sample app's test classes with the Maven wrapper, then runs the driver
# io.myuser.sample.bench.RateLimitStoreBenchmark (sample-app/src/test, a main class, not a test) in one JVM, no
# application started. It starts an embedded PostgreSQL server (MyUser's migrations applied) and a redis-server
# (Debian's package; skipped with a message when it is not installed), both on loopback, and for each store has
# [threads] threads call tryConsume on keys drawn at random from [keys] keys for [seconds] after a warm-up, twice:
# "spend" (every call allowed: the budget is written back) and "refuse" (every budget spent: the call is refused,
# nothing written). Every answer is checked. The PostgreSQL store gets one pooled connection per thread, the Redis
# store one shared Lettuce connection, as a node has them. The figures are costs to size a deployment by (the
# servers share this machine's cores with the JVM), so there is no bound and no verdict.
#
# Usage: bench/rate-limit-stores.sh [threads] [keys] [seconds] [warm-up-seconds]   (defaults 8 10000 10 3)
# Needs: a JDK 17+, redis-server for the Redis figures; Maven fetches the rest (PostgreSQL comes as io.zonky
# binaries). BENCH_MAVEN_ARGS adds arguments to the build, such as -o; BENCH_HEAP sets the heap (default -Xmx1g).
set -euo pipefail
cd "$(dirname "$0")/.."

HEAP=${BENCH_HEAP:--Xmx1g}

# shellcheck disable=SC2086
./mvnw -q ${BENCH_MAVEN_ARGS:-} -pl sample-app -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
CP="sample-app/target/test-classes:sample-app/target/classes:$(cat sample-app/target/bench-classpath.txt)"

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')
# shellcheck disable=SC2086
java $HEAP -cp "$CP" io.myuser.sample.bench.RateLimitStoreBenchmark "$@"
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')
REDIS=$( (command -v redis-server >/dev/null 2>&1 && redis-server --version | cut -d' ' -f1-3) || echo 'none')
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), $HEAP, $REDIS, load average $LOAD_BEFORE before, $LOAD_AFTER after"
