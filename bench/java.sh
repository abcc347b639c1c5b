#!/usr/bin/env bash
# Runs a benchmark main class from the test sources on the test class path: bench/java.sh <class> [args...]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -ntp test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
	-Dmdep.includeScope=test >/dev/null
main=$1
shift
exec java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" "$main" "$@"
