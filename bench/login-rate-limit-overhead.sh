#!/usr/bin/env bash
# Password-login throughput of the sample application with rate limiting on and off, in one JVM: with it on,
# every login spends its per-IP and per-address budgets and passes the brute-force check in the memory store
# (limits raised so that none is refused); with it off, none of that runs. The two sides are driven in turn, round
# after round, alternating which goes first. The last line is the ratio of the medians on/off (target >= 0.98):
# the cost of rate limiting next to the password hash every login pays.
#
# Builds the sample app's test classes with the Maven wrapper, then runs the driver
# io.myuser.sample.bench.LoginRateLimitBenchmark (sample-app/src/test, a main class, not a test).
#
# Usage: bench/login-rate-limit-overhead.sh [rounds] [seconds-per-round] [threads]   (defaults 12 10 cores)
# Needs: a JDK 17+; Maven fetches the rest. BENCH_MAVEN_ARGS adds arguments to the build, such as -o;
# BENCH_CONTROL=true runs both sides without rate limiting (an A/A run: the bench's own bias).
set -euo pipefail
cd "$(dirname "$0")/.."

# shellcheck disable=SC2086
./mvnw -q ${BENCH_MAVEN_ARGS:-} -pl sample-app -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
CP="sample-app/target/test-classes:sample-app/target/classes:$(cat sample-app/target/bench-classpath.txt)"

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
java -Xmx768m -Dbench.control="${BENCH_CONTROL:-false}" -cp "$CP" io.myuser.sample.bench.LoginRateLimitBenchmark "$@"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
