#!/usr/bin/env bash
# Resident set of the service after about 100,000 token requests, with the image's JVM options in a 512 MiB budget;
# then, if asked, under full load for a while longer, printed every 15 s (where it levels off: the heap's maximum
# plus the rest of the process).
# Usage: bench/memory.sh [requests, default 100000] [seconds of further load, default 0]
source "$(dirname "$0")/lib.sh"
requests=${1:-100000}
sustain=${2:-0}
start_service
url="http://127.0.0.1:$BENCH_PORT/api/v1/auth/token"
echo "resident set after start: $(service_rss_mb) MB"
# wrk runs for a time, not a count: 5 s to warm up, 5 s to measure the rate, then long enough for the rest.
warm=$(wrk -t2 -c50 -d5s -s "$TOKEN_LUA" "$url" | awk '/requests in/ {print $1}')
second=$(wrk -t2 -c50 -d5s -s "$TOKEN_LUA" "$url" | awk '/requests in/ {print $1}')
rate=$((second / 5))
left=$((requests - warm - second))
rest=0
if ((left > 0)); then
	rest=$(wrk -t2 -c50 -d"$(((left + rate - 1) / rate))s" -s "$TOKEN_LUA" "$url" | awk '/requests in/ {print $1}')
fi
echo "resident set after $((warm + second + rest)) token requests: $(service_rss_mb) MB"
if ((sustain > 0)); then
	out=$(mktemp)
	wrk -t2 -c50 -d"${sustain}s" -s "$TOKEN_LUA" "$url" >"$out" &
	load=$!
	for ((t = 15; t <= sustain; t += 15)); do
		sleep 15
		echo "  ${t} s further: $(service_rss_mb) MB"
	done
	wait "$load"
	echo "resident set after $(awk '/requests in/ {print $1}' "$out") more requests in ${sustain} s: $(service_rss_mb) MB"
	rm -f "$out"
fi
