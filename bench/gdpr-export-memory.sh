#!/usr/bin/env bash
# Memory and speed of a GDPR data export: one user with 1,000,000 audit rows and one with 10,000, each exported in
# a JVM of its own limited to -Xmx256m. Peak heap must not grow with the number of rows.
#
# Builds the sample app's test classes with the Maven wrapper, then runs the driver
# io.myuser.sample.bench.ExportBenchmark (sample-app/src/test, a main class, not a test) in two separate JVMs with
# the same flags. Each starts an embedded PostgreSQL server (a separate process, so the rows are not in the JVM's
# heap) and the sample app on it, inserts the user's audit rows on the server, warms the JIT up with an export of
# 50,000 rows of another user, then exports the user through DataExportProcessor, the job engine's handler:
#   - timed and undisturbed (a short export up to 5 times, the median counting): seconds, rows/s, archive size, and
#     the heap's peaks as the collector left them (garbage included, so they follow GC timing, not the rows);
#   - once more while full collections are forced at a steady pace: the live heap before and at its highest.
# Both read the archive back (audit_logs.jsonl must have one line per row). Prints both runs, a summary, and as
# its LAST line the ratio of the peak live heap of the large run to that of the small one (bound: <= 1.10);
# exits 1 when it is above.
#
# Usage: bench/gdpr-export-memory.sh [large-rows] [small-rows]
# Needs: a JDK 17+; Maven fetches the rest (PostgreSQL itself comes as io.zonky binaries). BENCH_MAVEN_ARGS adds
# arguments to the build, such as -o.
set -euo pipefail
cd "$(dirname "$0")/.."

LARGE=${1:-1000000}
SMALL=${2:-10000}
HEAP=-Xmx256m
BOUND=1.10

# shellcheck disable=SC2086
./mvnw -q ${BENCH_MAVEN_ARGS:-} -pl sample-app -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
CP="sample-app/target/test-classes:sample-app/target/classes:$(cat sample-app/target/bench-classpath.txt)"

OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')
run() { # $1 = rows
  echo "== $1 rows, java $HEAP =="
  java "$HEAP" -cp "$CP" io.myuser.sample.bench.ExportBenchmark "$1" | tee "$OUT/$1.txt"
}
run "$SMALL"
run "$LARGE"
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')

field() { # $1 = rows, $2 = key of the driver's RESULT line
  awk -v key="$2" '/^RESULT / { for (i = 2; i <= NF; i++) { split($i, kv, "="); if (kv[1] == key) print kv[2] } }' \
    "$OUT/$1.txt"
}

echo
echo "rows      seconds   rows/s  archive_MB  pool_peaks_MB  sampled_max_MB  live_before_MB  live_peak_MB"
for n in "$SMALL" "$LARGE"; do
  printf '%-8s %8s %8s %11s %14s %15s %15s %13s\n' "$(field "$n" rows)" "$(field "$n" seconds)" \
    "$(field "$n" rows_per_s)" "$(field "$n" archive_mb)" "$(field "$n" pool_peaks_mb)" \
    "$(field "$n" sampled_max_mb)" "$(field "$n" live_baseline_mb)" "$(field "$n" live_peak_mb)"
done
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), $HEAP, load average $LOAD_BEFORE before, $LOAD_AFTER after"
awk -v a="$(field "$SMALL" pool_peaks_mb)" -v b="$(field "$LARGE" pool_peaks_mb)" -v l="$LARGE" -v s="$SMALL" \
  'BEGIN { printf "heap pool peaks (garbage included) %s/%s rows: %.3f\n", l, s, b / a }'
awk -v a="$(field "$SMALL" live_peak_mb)" -v b="$(field "$LARGE" live_peak_mb)" \
  -v ra="$(field "$SMALL" rows)" -v rb="$(field "$LARGE" rows)" \
  'BEGIN { printf "live heap growth: %.1f bytes per extra row\n", (b - a) * 1048576 / (rb - ra) }'
RATIO=$(awk -v a="$(field "$SMALL" live_peak_mb)" -v b="$(field "$LARGE" live_peak_mb)" 'BEGIN { printf "%.3f", b / a }')
VERDICT=$(awk -v r="$RATIO" -v bound="$BOUND" 'BEGIN { print (r <= bound) ? "PASS" : "FAIL" }')
echo "peak live heap $LARGE/$SMALL rows: $RATIO (bound <= $BOUND): $VERDICT"
[ "$VERDICT" = PASS ]
