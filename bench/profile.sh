#!/usr/bin/env bash
# Where a request's time goes: the share of CPU samples (JFR's execution samples, taken under wrk at 50 connections
# after a warm-up) whose stack holds each named method. Usage: bench/profile.sh [token|health] [warm-up seconds,
# default 60] [method ...]; methods are matched as "Class.method" substrings, the default being the token path's
# parts: reading the body, issuing the token, minting it, writing the answer.
source "$(dirname "$0")/lib.sh"
endpoint=${1:-token}
warmup=${2:-60}
shift $(($# < 2 ? $# : 2))
methods=("$@")
if ((${#methods[@]} == 0)); then
	methods=(JsonRequestBodyResolver.resolveArgument TokenService.issue AccessTokenMinter.mint
		TokenResponseWriter.writeUsual)
fi
# Stacks deep enough to hold a whole request (the default 64 frames stop inside the filter chain).
BENCH_JVM+=(-XX:FlightRecorderOptions:stackdepth=256)
start_service
pid=$(service_pid)
if [[ "$endpoint" == token ]]; then
	load=(-s "$TOKEN_LUA" "http://127.0.0.1:$BENCH_PORT/api/v1/auth/token")
else
	load=("http://127.0.0.1:$BENCH_PORT/api/v1/health")
fi
wrk -t"$WRK_THREADS" -c50 -d"${warmup}s" "${load[@]}" >/dev/null
recording=$(mktemp /tmp/lesa-profile.XXXXXX.jfr)
jcmd "$pid" JFR.start name=bench settings=profile filename="$recording" >/dev/null
rate=$(wrk -t"$WRK_THREADS" -c50 -d15s "${load[@]}" | awk '/Requests\/sec/ {print $2}')
echo "$endpoint: $rate requests/s while sampled"
jcmd "$pid" JFR.stop name=bench >/dev/null
# One sample per "jdk.ExecutionSample {" block; a method counts once per sample that has it anywhere in its stack.
jfr print --stack-depth 256 --events jdk.ExecutionSample "$recording" | awk -v list="${methods[*]}" '
	BEGIN { n = split(list, method, " ") }
	/^jdk.ExecutionSample/ { samples++; delete seen }
	/^    [^ ]/ { for (i = 1; i <= n; i++) if (!seen[i] && index($1, method[i] "(")) { seen[i] = 1; hits[i]++ } }
	END {
		printf "%d samples\n", samples
		for (i = 1; i <= n; i++) printf "%6.1f%%  %s\n", 100 * hits[i] / samples, method[i]
	}'
rm -f "$recording"
