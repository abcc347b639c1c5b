#!/usr/bin/env bash
# Median and p99 of a dispatch through the service against the LiveKit fake, beside the fake alone, in one run.
# Usage: bench/dispatch-overhead.sh [warm-up calls] [measured calls]
exec "$(dirname "$0")/java.sh" com.lesa.api.bench.DispatchOverhead "$@"
