#!/usr/bin/env bash
# wrk at 50 connections: POST /api/v1/auth/token beside GET /api/v1/health in the same run; prints requests/s,
# p50/p99, errors and the service's CPU per request for both, and the token/health ratios of throughput and of CPU
# per request; and the share of a core wrk itself used, to show it is not what limits the throughput (one wrk thread,
# WRK_THREADS in lib.sh). Usage: bench/http.sh [seconds per run, default 15] [warm-up rounds, at least; default 12]
# CPU per request is the service process's CPU time (/proc) over the requests wrk completed: wrk shares the 2 cores,
# so throughput moves with how the scheduler splits them, while the CPU a request costs the service moves less.
# On 2 cores the JIT needs a minute or more under load before the service reaches its steady speed, so the warm-up
# alternates both endpoints for at least 2 minutes (12 rounds of 10 s), then until two rounds in a row agree within 5%
# (at most 4 minutes). 0 rounds skips the warm-up (bench/smoke.sh: the figures then mean nothing).
source "$(dirname "$0")/lib.sh"
seconds=${1:-15}
warmup_rounds=${2:-12}
start_service
url="http://127.0.0.1:$BENCH_PORT"
rps() { awk '/Requests\/sec/ {print $2}' <<<"$1"; }
previous=0
for ((round = 1; round <= 2 * warmup_rounds; round++)); do
	current=$(rps "$(wrk -t"$WRK_THREADS" -c50 -d5s -s "$TOKEN_LUA" "$url/api/v1/auth/token")")
	wrk -t"$WRK_THREADS" -c50 -d5s "$url/api/v1/health" >/dev/null
	echo "warm-up round $round: $current tokens/s" >&2
	if ((round >= warmup_rounds)) &&
		awk -v a="$previous" -v b="$current" 'BEGIN {exit !(a > 0 && (b - a) / a < 0.05 && (a - b) / a < 0.05)}'; then
		break
	fi
	previous=$current
done
errors() { # wrk's non-2xx answers and socket errors, summed
	awk '/Non-2xx|Socket errors/ {for (i = 1; i <= NF; i++) if ($i ~ /^[0-9]+,?$/) s += $i} END {print s + 0}' <<<"$1"
}
report() { # name, wrk output, service CPU µs per request, wrk's CPU in % of a core
	printf '%-7s %10s req/s  p50 %8s  p99 %8s  errors %s  CPU %s µs/request  (wrk: %s%% of a core)\n' \
		"$1" "$(rps "$2")" "$(awk '$1 == "50%" {print $2}' <<<"$2")" "$(awk '$1 == "99%" {print $2}' <<<"$2")" \
		"$(errors "$2")" "$3" "$4"
}
measure() { # wrk arguments; sets out (wrk's output), cpu (the service's CPU µs per completed request) and wrk_cpu
	local before after
	before=$(service_cpu_ms | cut -d' ' -f1)
	# bash's time ends wrk's output with a line of its own: "wrk-cpu <user s> <system s>".
	out=$( { TIMEFORMAT='wrk-cpu %U %S'; time wrk -t"$WRK_THREADS" -c50 -d"${seconds}s" --latency "$@"; } 2>&1)
	after=$(service_cpu_ms | cut -d' ' -f1)
	cpu=$(awk -v ms=$((after - before)) '/ requests in / {printf "%.1f", ms * 1000 / $1}' <<<"$out")
	wrk_cpu=$(awk -v s="$seconds" '$1 == "wrk-cpu" {printf "%.0f", ($2 + $3) * 100 / s}' <<<"$out")
}
# Three measured pairs, token then health, so drift on a shared machine hits both sides alike; the ratio is the
# median of the three pairs' ratios; every pair's figures are printed.
ratios=()
cpu_ratios=()
for pair in 1 2 3; do
	measure -s "$TOKEN_LUA" "$url/api/v1/auth/token"
	token=$out token_cpu=$cpu token_wrk=$wrk_cpu
	measure "$url/api/v1/health"
	health=$out health_cpu=$cpu health_wrk=$wrk_cpu
	echo "pair $pair:"
	report token "$token" "$token_cpu" "$token_wrk"
	report health "$health" "$health_cpu" "$health_wrk"
	ratios+=("$(awk -v t="$(rps "$token")" -v h="$(rps "$health")" 'BEGIN {printf "%.2f", t / h}')")
	cpu_ratios+=("$(awk -v t="$token_cpu" -v h="$health_cpu" 'BEGIN {printf "%.2f", t / h}')")
done
median() { # label, values
	local label=$1
	shift
	printf '%s\n' "$@" | sort -n | awk -v label="$label" '{a[NR] = $1}
		END {printf "%s: median %.2f (pairs: %s %s %s, sorted)\n", label, a[2], a[1], a[2], a[3]}'
}
median "token/health throughput" "${ratios[@]}"
median "token/health CPU per request" "${cpu_ratios[@]}"
