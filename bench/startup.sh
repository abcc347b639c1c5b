#!/usr/bin/env bash
# Median over several runs of process start to the first successful /api/v1/health, and the CPU the process had used
# by then (on 2 cores a start is bound by CPU, half of it the JIT compilers'). Usage: bench/startup.sh [runs]
source "$(dirname "$0")/lib.sh"
runs=${1:-5}
times=()
cpu=()
for _ in $(seq 1 "$runs"); do
	begin=$(date +%s%N)
	start_service
	times+=($((($(date +%s%N) - begin) / 1000000)))
	cpu+=("$(service_cpu_ms)")
	stop_service
done
median() { sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR] = $1} END {printf "start-up to first answer: median %d ms over %d runs (min %d, max %d)\n", a[int((NR + 1) / 2)], NR, a[1], a[NR]}'
column() { printf '%s\n' "${cpu[@]}" | awk -v c="$1" '{print $c}' | median; }
echo "CPU used by then: median $(column 1) ms (C2 compiler $(column 2), C1 compiler $(column 3), main thread $(column 4))"
