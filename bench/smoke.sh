#!/usr/bin/env bash
# Runs every benchmark script briefly, as on a fresh clone after the README's set-up, and fails unless each printed its
# figures (and, where a run can show one, no error: every token answered 2xx, every dispatch created once). The
# figures of runs this short mean nothing; this only keeps the scripts from rotting. .ci/run calls it; ~4 minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
failed=()
# Runs bench/<script> with the arguments after "--", prints its output, and checks that for each pattern (an
# extended regular expression) some line of the output matches it: smoke <script> <pattern>... -- <argument>...
smoke() {
	local script=$1 patterns=() out status=0 pattern
	shift
	while (($# > 0)) && [[ "$1" != -- ]]; do
		patterns+=("$1")
		shift
	done
	shift
	echo "== bench/$script $*"
	out=$(bash "bench/$script" "$@" 2>&1) || status=$?
	printf '%s\n' "$out" | grep -v '^service: ' || true
	if ((status != 0)); then
		failed+=("bench/$script exited with $status")
		return
	fi
	for pattern in "${patterns[@]}"; do
		grep -Eq -- "$pattern" <<<"$out" || failed+=("bench/$script printed no line matching: $pattern")
	done
}
number='[0-9]+(\.[0-9]+)?'
smoke mint.sh "^MintBenchmark\.thisService +avgt +$number +us/op" "^MintBenchmark\.livekitKotlinSdk +avgt +$number" \
	"^MintBenchmark\.hmacAndBase64Floor +avgt +$number" -- -f 1 -wi 0 -i 1 -r 1s
smoke http.sh "^token +$number req/s +p50 +\S+ +p99 +\S+ +errors 0 +CPU $number µs/request" \
	"^health +$number req/s +p50 +\S+ +p99 +\S+ +errors 0 " "^token/health throughput: median $number" \
	"^token/health CPU per request: median $number" -- 1 0
smoke startup.sh "^start-up to first answer: median [0-9]+ ms over 2 runs" "^CPU used by then: median [0-9]+ ms" -- 2
smoke memory.sh "^resident set after start: [0-9]+ MB" "^resident set after [0-9]+ token requests: [0-9]+ MB$" \
	"10 s later, idle: [0-9]+ MB" -- 5000
smoke allocation.sh "^token +[0-9]+ bytes/request" "^health +[0-9]+ bytes/request" -- 1
smoke profile.sh "^token: $number requests/s while sampled" "^[0-9]+ samples" "%  AccessTokenMinter\.mint$" -- token 1
smoke dispatch-overhead.sh "^LiveKit fake alone +n=150 +median $number ms" \
	"^through the service +n=150 +median $number ms" "^median overhead of the service: -?$number ms" \
	"^dispatches the fake created: 600 \(expected 600\)" -- 150 150
smoke rate-limiter-memory.sh "^rate limiter tracking 2,000 callers: $number MB of heap, [0-9]+ bytes per caller" -- 2000
smoke load-and-fault.sh "^healthy +[0-9]+ +$number +$number +0 " "^hung +[0-9]+ " "^refused +[0-9]+ " "^503 +[0-9]+ " \
	"^duplicate dispatches at the fake: 0 " "^resident set at end: [0-9]+ MB" -- 2 50
smoke load-and-fault.sh "^minute +1: [0-9]+ tokens, p99 $number ms, errors 0, resident set [0-9]+ MB" \
	"^resident set: [0-9]+ MB -> [0-9]+ MB" -- soak 3 50
if ((${#failed[@]} > 0)); then
	printf 'bench smoke failed: %s\n' "${failed[@]}" >&2
	exit 1
fi
echo "bench smoke: every script ran and printed its figures"
