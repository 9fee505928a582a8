# Shared by the wrk benchmarks against the packaged sample app (sourced, not run): wrk installed, the jar built,
# the app started on $PORT with the demo account, its access token in $ACCESS, and run/fail for wrk rounds.
# Expects PORT, THREADS and CONNECTIONS to be set, and the working directory to be the checkout's root.

if ! command -v wrk >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null 2>&1 && apt-get install -y wrk >/dev/null 2>&1; }
  fi
  command -v wrk >/dev/null 2>&1 || { echo "wrk is required (apt-get install wrk)" >&2; exit 1; }
fi

JAR=${BENCH_JAR:-sample-app/target/myuser-sample-app-0.1.0-SNAPSHOT.jar}
if [ ! -f "$JAR" ] || [ -n "${BENCH_REBUILD:-}" ]; then
  ./mvnw -q -pl sample-app -am package -DskipTests
fi

LOG=$(mktemp)
java -Xms512m -Xmx512m -jar "$JAR" --server.port="$PORT" \
  --myuser.token.signing.secret=base64:WLNoOHio2il1gNTRByT/rni6PBsPYRgx/Ndv+Xk8jOs= \
  --logging.level.root=WARN --logging.level.audit=WARN >"$LOG" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true; wait $APP 2>/dev/null || true; rm -f "$LOG"' EXIT

for _ in $(seq 1 480); do
  if curl -fs "http://127.0.0.1:$PORT/public/greeting" >/dev/null 2>&1; then break; fi
  if ! kill -0 $APP 2>/dev/null; then cat "$LOG" >&2; exit 1; fi
  sleep 0.5
done

# The demo account is created just after startup.
for _ in $(seq 1 40); do
  LOGIN=$(curl -s -X POST "http://127.0.0.1:$PORT/api/auth/token/" -H 'Content-Type: application/json' \
    -d '{"email":"demo@example.com","password":"correct horse battery staple"}')
  case "$LOGIN" in *access*) break ;; esac
  sleep 0.5
done
ACCESS=$(printf '%s' "$LOGIN" | sed -E 's/.*"access":"([^"]+)".*/\1/')
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $ACCESS" "http://127.0.0.1:$PORT/api/greeting")" = 200 ] \
  || { echo "login failed: $LOGIN" >&2; exit 1; }

# Prints requests/second, or stops the whole benchmark (exit 1) when wrk counted any answer outside 2xx/3xx
# (an expired or refused token answers 401: its throughput is not what is measured) or measured nothing.
run() { # $1 = path, $2 = label, $3 = seconds, $4.. = extra wrk args
  local report
  report=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$3"s "${@:4}" "http://127.0.0.1:$PORT$1" 2>&1) || true
  printf '%s\n' "$report" | bench/wrk-requests-per-second.sh "$2 ($1)"
}
fail() { echo "benchmark aborted: $1 failed (see the wrk report above); no figures are reported." >&2; exit 1; }
