#!/usr/bin/env bash
# Heap the in-memory rate limiter holds at its bound (RATE_LIMIT_MAX_TRACKED distinct callers): what the heap must
# leave room for beside the service's own live data. Usage: bench/rate-limiter-memory.sh [tracked callers, default 100000]
exec "$(dirname "$0")/java.sh" com.lesa.api.bench.RateLimiterMemory "$@"
