#!/usr/bin/env bash
# Resident set of the service after 100,000 token requests (counted: wrk stops each of its threads after its share),
# with the image's JVM options in a 512 MiB budget; then, if asked, under full load for a while longer, printed every
# 15 s (where it levels off: the heap's maximum plus the rest of the process).
# Usage: bench/memory.sh [requests, default 100000] [seconds of further load, default 0]
source "$(dirname "$0")/lib.sh"
requests=${1:-100000}
sustain=${2:-0}
start_service
url="http://127.0.0.1:$BENCH_PORT/api/v1/auth/token"
echo "resident set after start: $(service_rss_mb) MB"
# The token script with a counter: each wrk thread stops once it has had its share of answers and leaves a mark;
# when both have, wrk is interrupted (it then prints its figures, as on Ctrl-C). So the figure is read after the number
# of requests asked for, not after however many fit in a time.
marks=$(mktemp -d /tmp/lesa-memory.XXXXXX)
counted="$marks/counted.lua"
cat "$TOKEN_LUA" >"$counted"
cat >>"$counted" <<LUA
local threads = 0
function setup(thread)
	threads = threads + 1
	thread:set("id", threads)
end
local answered = 0
function response(status, headers, body)
	answered = answered + 1
	if answered == $(((requests + WRK_THREADS - 1) / WRK_THREADS)) then
		io.open("$marks/done-" .. id, "w"):close()
		wrk.thread:stop()
	end
end
LUA
wrk -t"$WRK_THREADS" -c50 -d600s -s "$counted" "$url" >"$marks/wrk.out" &
load=$!
until (($(find "$marks" -name 'done-*' | wc -l) >= WRK_THREADS)) || ! kill -0 "$load" 2>/dev/null; do
	sleep 0.1
done
kill -INT "$load" 2>/dev/null || true
wait "$load" || true
out=$(cat "$marks/wrk.out")
rm -rf "$marks"
sent=$(awk '/requests in/ {print $1}' <<<"$out")
errors=$(awk '/Non-2xx|Socket errors/' <<<"$out" | tr -s ' ' | tr '\n' ' ')
echo "resident set after ${sent} token requests: $(service_rss_mb) MB${errors:+ ($errors)}"
# The JIT compilers are still at work when the load stops; their scratch memory goes back to the system within ~6 s
# (HotSpot frees its pool of arena chunks every 5 s, and the image trims the C heap every 200 ms: docker/train.sh).
sleep 10
echo "  10 s later, idle: $(service_rss_mb) MB"
if ((sustain > 0)); then
	out=$(mktemp)
	wrk -t"$WRK_THREADS" -c50 -d"${sustain}s" -s "$TOKEN_LUA" "$url" >"$out" &
	load=$!
	for ((t = 15; t <= sustain; t += 15)); do
		sleep 15
		echo "  ${t} s further: $(service_rss_mb) MB"
	done
	wait "$load"
	echo "resident set after $(awk '/requests in/ {print $1}' "$out") more requests in ${sustain} s: $(service_rss_mb) MB"
	rm -f "$out"
fi
