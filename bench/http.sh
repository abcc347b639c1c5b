#!/usr/bin/env bash
# wrk at 50 connections: POST /api/v1/auth/token beside GET /api/v1/health in the same run; prints requests/s,
# p50/p99 and errors for both, and the token/health ratio. Usage: bench/http.sh [seconds, default 15]
source "$(dirname "$0")/lib.sh"
seconds=${1:-15}
start_service
url="http://127.0.0.1:$BENCH_PORT"
wrk -t2 -c50 -d10s -s "$TOKEN_LUA" "$url/api/v1/auth/token" >/dev/null
wrk -t2 -c50 -d10s "$url/api/v1/health" >/dev/null
rps() { awk '/Requests\/sec/ {print $2}' <<<"$1"; }
report() { # name, wrk output
	printf '%-7s %10s req/s  p50 %8s  p99 %8s  errors %s\n' "$1" "$(rps "$2")" \
		"$(awk '$1 == "50%" {print $2}' <<<"$2")" "$(awk '$1 == "99%" {print $2}' <<<"$2")" \
		"$(awk '/Non-2xx|Socket errors/ {for (i = 1; i <= NF; i++) if ($i ~ /^[0-9]+,?$/) s += $i} END {print s + 0}' <<<"$2")"
}
token=$(wrk -t2 -c50 -d"${seconds}s" --latency -s "$TOKEN_LUA" "$url/api/v1/auth/token")
health=$(wrk -t2 -c50 -d"${seconds}s" --latency "$url/api/v1/health")
report token "$token"
report health "$health"
awk -v t="$(rps "$token")" -v h="$(rps "$health")" 'BEGIN {printf "token/health throughput: %.2f\n", t / h}'
