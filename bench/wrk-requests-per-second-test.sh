#!/usr/bin/env bash
# Checks bench/wrk-requests-per-second.sh against sample wrk reports. Usage: bench/wrk-requests-per-second-test.sh
set -uo pipefail
PARSE="$(dirname "$0")/wrk-requests-per-second.sh"
FAILURES=0

report() { # $1 = extra line before Requests/sec (may be empty), $2 = Requests/sec figure
  cat <<REPORT
Running 8s test @ http://127.0.0.1:18080/api/greeting
  1 threads and 32 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     1.05ms  320.00us  12.40ms   91.20%
    Req/Sec    28.10k     1.20k   30.02k    78.00%
  224800 requests in 8.00s, 33.02MB read
${1}
Requests/sec:  $2
Transfer/sec:      4.13MB
REPORT
}

expect_ok() { # $1 = name, $2 = expected figure, stdin = report
  local out
  if out=$("$PARSE" test 2>/dev/null) && [ "$out" = "$2" ]; then echo "ok   $1"; else
    echo "FAIL $1: expected '$2', got '${out:-}' (exit status or output wrong)"; FAILURES=$((FAILURES + 1)); fi
}

expect_failure() { # $1 = name, $2 = text the message must hold, stdin = report
  local out err
  err=$( { out=$("$PARSE" test 2>&1 >/dev/null); echo "status=$?"; echo "$out"; } )
  case "$err" in
    status=1*"$2"*) echo "ok   $1" ;;
    *) echo "FAIL $1: expected exit 1 with '$2', got: $err"; FAILURES=$((FAILURES + 1)) ;;
  esac
}

expect_ok "a clean report gives its Requests/sec" "28100.00" < <(report "" "28100.00")
expect_failure "all answers were errors" "224800 non-2xx/3xx" \
  < <(report "  Non-2xx or 3xx responses: 224800" "28100.00")
expect_failure "a few answers were errors" "3 non-2xx/3xx" < <(report "  Non-2xx or 3xx responses: 3" "28100.00")
expect_failure "nothing was measured" "no positive Requests/sec" \
  < <(report "  Socket errors: connect 32, read 0, write 0, timeout 0" "0.00")
expect_failure "no report" "no positive Requests/sec" \
  < <(printf 'unable to connect to 127.0.0.1:18080 Connection refused\n')

[ "$FAILURES" -eq 0 ] && echo "all passed" || { echo "$FAILURES failed"; exit 1; }
