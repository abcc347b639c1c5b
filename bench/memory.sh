#!/usr/bin/env bash
# Resident set of the service after 100,000 token requests, with the image's JVM options in a 512 MiB budget.
# Usage: bench/memory.sh [requests, default 100000]
source "$(dirname "$0")/lib.sh"
requests=${1:-100000}
start_service
echo "resident set after start: $(service_rss_mb) MB"
WRK_REQUESTS_PER_THREAD=$((requests / 2)) wrk -t2 -c50 -d600s -s "$TOKEN_LUA" \
	"http://127.0.0.1:$BENCH_PORT/api/v1/auth/token" | awk '/requests in/ {print "sent: " $1 " token requests"}'
echo "resident set after $requests token requests: $(service_rss_mb) MB"
