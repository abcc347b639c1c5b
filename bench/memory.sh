#!/usr/bin/env bash
# Resident set of the service after about 100,000 token requests, with the image's JVM options in a 512 MiB budget.
# Usage: bench/memory.sh [requests, default 100000]
source "$(dirname "$0")/lib.sh"
requests=${1:-100000}
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
