#!/usr/bin/env bash
# Startup time of the sample app against a bare host with the same Spring starters and no MyUser
# (bench/bare-host: web, security, OAuth2 client, JPA, Flyway, validation, mail, Thymeleaf, actuator, H2).
#
# Builds both jars when missing (BENCH_REBUILD=1 rebuilds), then starts each N times, alternating which goes
# first, every start a new JVM with the same flags, and reads Spring Boot's "Started ... in X seconds" line (the
# application's own startup, from SpringApplication.run to ready, JVM start excluded). Each pair gives one ratio;
# prints every pair, the medians, and as its LAST line the median of the per-pair ratios sample/bare
# (target: <= 1.3).
#
# Usage: bench/startup-time.sh [pairs]
# Needs: a JDK 17+; Maven fetches the rest. BENCH_MAVEN_ARGS adds arguments to the builds, such as -o.
set -euo pipefail
cd "$(dirname "$0")/.."

PAIRS=${1:-7}
PORT=${BENCH_PORT:-18084}
SAMPLE=sample-app/target/myuser-sample-app-0.1.0-SNAPSHOT.jar
BARE=bench/bare-host/target/myuser-bench-bare-host-0.1.0-SNAPSHOT.jar
# shellcheck disable=SC2086
if [ ! -f "$SAMPLE" ] || [ -n "${BENCH_REBUILD:-}" ]; then ./mvnw -q ${BENCH_MAVEN_ARGS:-} -pl sample-app -am package -DskipTests; fi
# shellcheck disable=SC2086
if [ ! -f "$BARE" ] || [ -n "${BENCH_REBUILD:-}" ]; then ./mvnw -q ${BENCH_MAVEN_ARGS:-} -f bench/bare-host/pom.xml package -DskipTests; fi

LOG=$(mktemp)
APP=
trap '[ -n "$APP" ] && kill $APP 2>/dev/null; rm -f "$LOG"' EXIT

# Starts a jar, waits for its "Started" line, stops it; prints the seconds it reports.
startup() { # $1 = jar, $2.. = arguments
  java -Xms512m -Xmx512m -jar "$1" --server.port="$PORT" "${@:2}" >"$LOG" 2>&1 &
  APP=$!
  local seconds=
  for _ in $(seq 1 600); do
    seconds=$(sed -nE 's/.*Started .* in ([0-9.]+) seconds.*/\1/p' "$LOG" | head -1)
    [ -n "$seconds" ] && break
    kill -0 $APP 2>/dev/null || { cat "$LOG" >&2; echo "$1 did not start" >&2; exit 1; }
    sleep 0.1
  done
  kill $APP 2>/dev/null || true; wait $APP 2>/dev/null || true; APP=
  [ -n "$seconds" ] || { echo "$1 did not report its startup in time" >&2; exit 1; }
  printf '%s\n' "$seconds"
}
# The sample starts without its demo account: the bare host seeds no data either (the account is one Argon2 hash
# and a few inserts, made before the port opens, whose first queries would also warm the query parsers up).
sample() { startup "$SAMPLE" --myuser.token.signing.secret=base64:WLNoOHio2il1gNTRByT/rni6PBsPYRgx/Ndv+Xk8jOs= --sample.demo-user.enabled=false; }
bare() { startup "$BARE"; }

echo "warming up (page cache) ..."
sample >/dev/null; bare >/dev/null

S=(); B=(); RATIO=()
echo "pair  sample_s  bare_s  ratio"
for r in $(seq 1 "$PAIRS"); do
  if [ $((r % 2)) -eq 1 ]; then s=$(sample); b=$(bare); else b=$(bare); s=$(sample); fi
  q=$(awk -v s="$s" -v b="$b" 'BEGIN { printf "%.3f", s / b }')
  S+=("$s"); B+=("$b"); RATIO+=("$q")
  printf '%4s  %8s  %6s  %5s\n' "$r" "$s" "$b" "$q"
done

median() { printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END {if (NR%2) print v[(NR+1)/2]; else print (v[NR/2]+v[NR/2+1])/2}'; }
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "median startup: sample $(median "${S[@]}") s, bare host $(median "${B[@]}") s"
printf 'ratio startup sample/bare (median of per-pair ratios): %.3f\n' "$(median "${RATIO[@]}")"
