#!/usr/bin/env bash
# wrk at 50 connections: POST /api/v1/auth/token beside GET /api/v1/health in the same run; prints requests/s,
# p50/p99 and errors for both, and the token/health ratio. Usage: bench/http.sh [seconds per run, default 15]
# On 2 cores the JIT needs a minute or more under load before the service reaches its steady speed, so the warm-up
# alternates both endpoints for at least 2 minutes, then until two rounds in a row agree within 5% (at most 4).
source "$(dirname "$0")/lib.sh"
seconds=${1:-15}
start_service
url="http://127.0.0.1:$BENCH_PORT"
rps() { awk '/Requests\/sec/ {print $2}' <<<"$1"; }
previous=0
for round in $(seq 1 24); do
	current=$(rps "$(wrk -t2 -c50 -d5s -s "$TOKEN_LUA" "$url/api/v1/auth/token")")
	wrk -t2 -c50 -d5s "$url/api/v1/health" >/dev/null
	echo "warm-up round $round: $current tokens/s" >&2
	if ((round >= 12)) && awk -v a="$previous" -v b="$current" 'BEGIN {exit !(a > 0 && (b - a) / a < 0.05 && (a - b) / a < 0.05)}'; then
		break
	fi
	previous=$current
done
report() { # name, wrk output
	printf '%-7s %10s req/s  p50 %8s  p99 %8s  errors %s\n' "$1" "$(rps "$2")" \
		"$(awk '$1 == "50%" {print $2}' <<<"$2")" "$(awk '$1 == "99%" {print $2}' <<<"$2")" \
		"$(awk '/Non-2xx|Socket errors/ {for (i = 1; i <= NF; i++) if ($i ~ /^[0-9]+,?$/) s += $i} END {print s + 0}' <<<"$2")"
}
# Three measured pairs, token then health, so drift on a shared machine hits both sides alike; the ratio is the
# median of the three pairs' ratios; every pair's figures are printed.
ratios=()
for pair in 1 2 3; do
	token=$(wrk -t2 -c50 -d"${seconds}s" --latency -s "$TOKEN_LUA" "$url/api/v1/auth/token")
	health=$(wrk -t2 -c50 -d"${seconds}s" --latency "$url/api/v1/health")
	echo "pair $pair:"
	report token "$token"
	report health "$health"
	ratios+=("$(awk -v t="$(rps "$token")" -v h="$(rps "$health")" 'BEGIN {printf "%.2f", t / h}')")
done
printf '%s\n' "${ratios[@]}" | sort -n | awk '{a[NR] = $1} END {printf "token/health throughput: median %.2f (pairs: %s %s %s, sorted)\n", a[2], a[1], a[2], a[3]}'
