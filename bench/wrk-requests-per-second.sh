#!/usr/bin/env bash
# Reads wrk's report on stdin and prints its Requests/sec figure, or fails (exit 1, reason on stderr) when the
# figure would not measure what was meant: wrk counted answers outside 2xx/3xx ("Non-2xx or 3xx responses", for
# example 401 from an expired or refused token), or it measured no request at all.
#
# Usage: wrk ... | bench/wrk-requests-per-second.sh LABEL
set -euo pipefail

LABEL=${1:-wrk}
REPORT=$(cat)

NON_2XX=$(printf '%s\n' "$REPORT" | awk -F: '/Non-2xx or 3xx responses/ {gsub(/ /, "", $2); print $2}')
if [ -n "$NON_2XX" ]; then
  echo "FAILED: $LABEL: wrk counted $NON_2XX non-2xx/3xx responses; refusing to report the throughput of errors." >&2
  printf '%s\n' "$REPORT" >&2
  exit 1
fi

RPS=$(printf '%s\n' "$REPORT" | awk '/^Requests\/sec:/ {print $2}')
if [ -z "$RPS" ] || ! awk -v r="$RPS" 'BEGIN { exit !(r + 0 > 0) }'; then
  echo "FAILED: $LABEL: no positive Requests/sec in the wrk report." >&2
  printf '%s\n' "$REPORT" >&2
  exit 1
fi
printf '%s\n' "$RPS"
