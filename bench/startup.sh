#!/usr/bin/env bash
# Median over several runs of process start to the first successful /api/v1/health. Usage: bench/startup.sh [runs]
source "$(dirname "$0")/lib.sh"
runs=${1:-5}
times=()
for _ in $(seq 1 "$runs"); do
	begin=$(date +%s%N)
	start_service
	times+=($((($(date +%s%N) - begin) / 1000000)))
	stop_service
done
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR] = $1} END {printf "start-up to first answer: median %d ms over %d runs (min %d, max %d)\n", a[int((NR + 1) / 2)], NR, a[1], a[NR]}'
