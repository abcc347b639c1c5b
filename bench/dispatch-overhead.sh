#!/usr/bin/env bash
# Median and p99 of a dispatch through the service against the LiveKit fake, beside the fake alone, in one run.
# Usage: bench/dispatch-overhead.sh [warm-up calls] [measured calls]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -ntp test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
	-Dmdep.includeScope=test >/dev/null
exec java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
	com.lesa.api.bench.DispatchOverhead "$@"
