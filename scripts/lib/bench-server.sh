# Sourced by the bench scripts: waiting for a server they started, and
# signing its administrator in.

# bench_wait_ready TAG URL PID [LIMIT]: until GET URL/readyz answers 200.
# Fails when the server exits first or LIMIT seconds (300) pass; prints how
# long it took.
bench_wait_ready() {
  local tag=$1 url=$2 pid=$3 limit=${4:-300} t0=$SECONDS
  until [[ "$(curl -s -o /dev/null -m 5 -w '%{http_code}' "$url/readyz" || true)" == 200 ]]; do
    kill -0 "$pid" 2>/dev/null || { echo "[$tag] the server exited before it was ready"; return 1; }
    ((SECONDS - t0 < limit)) || { echo "[$tag] not ready within $limit s"; return 1; }
    sleep 1
  done
  echo "[$tag] ready after $((SECONDS - t0)) s"
}

# bench_admin_token URL: the bearer token of KAIKU_ADMIN_EMAIL / KAIKU_ADMIN_PASSWORD.
bench_admin_token() {
  curl -sS --fail -X POST "$1/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$KAIKU_ADMIN_EMAIL\",\"password\":\"$KAIKU_ADMIN_PASSWORD\"}" |
    python3 -c 'import json,sys;print(json.load(sys.stdin)["token"])'
}
