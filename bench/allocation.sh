#!/usr/bin/env bash
# Bytes the service allocates per answered request, POST /api/v1/auth/token and GET /api/v1/health in the same run
# (what drives young collections, and with them promotion into the old generation; bench/memory.sh). Each endpoint is
# warmed up, then loaded at 50 connections while jstat counts young collections: allocated = collections x eden
# capacity + the change in eden's occupancy. Usage: bench/allocation.sh [seconds of warm-up per endpoint, default 30]
source "$(dirname "$0")/lib.sh"
warmup=${1:-30}
start_service
pid=$(service_pid)
url="http://127.0.0.1:$BENCH_PORT"
# One line of jstat -gc as name=value pairs (young collections YGC, eden capacity EC and use EU, in KB).
gc() { jstat -gc "$pid" | awk 'NR == 1 {for (i = 1; i <= NF; i++) name[i] = $i} NR == 2 {for (i = 1; i <= NF; i++) printf "%s=%s ", name[i], $i}'; }
field() { tr ' ' '\n' <<<"$1" | awk -F= -v k="$2" '$1 == k {print $2}'; }
measure() { # name, wrk arguments...
	local name=$1 before after out requests
	shift
	wrk -t"$WRK_THREADS" -c50 -d"${warmup}s" "$@" >/dev/null
	before=$(gc)
	out=$(wrk -t"$WRK_THREADS" -c50 -d10s "$@")
	after=$(gc)
	requests=$(awk '/requests in/ {print $1}' <<<"$out")
	awk -v name="$name" -v n="$requests" -v rps="$(awk '/Requests\/sec/ {print $2}' <<<"$out")" \
		-v y0="$(field "$before" YGC)" -v y1="$(field "$after" YGC)" -v ec0="$(field "$before" EC)" \
		-v ec="$(field "$after" EC)" -v eu0="$(field "$before" EU)" -v eu1="$(field "$after" EU)" 'BEGIN {
			kb = (y1 - y0) * ec + eu1 - eu0
			printf "%-7s %8.0f bytes/request  (%d requests, %s req/s, %d young collections, eden %d KB%s)\n",
				name, kb * 1024 / n, n, rps, y1 - y0, ec, (ec0 != ec) ? ", resized during the run: approximate" : ""
		}'
}
measure token -s "$TOKEN_LUA" "$url/api/v1/auth/token"
measure health "$url/api/v1/health"
