#!/usr/bin/env bash
# Token traffic at a steady rate while the LiveKit fake is healthy, hung, refusing connections and answering 503,
# with dispatch traffic alongside; prints token p50/p99 and errors, dispatch outcomes, duplicates and resident set.
# Usage: bench/load-and-fault.sh [seconds per phase, default 20] [token requests per second, default 200]
#        bench/load-and-fault.sh soak <seconds> <token requests per second>
exec "$(dirname "$0")/java.sh" com.lesa.api.bench.LoadAndFault "$@"
