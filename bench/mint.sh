#!/usr/bin/env bash
# JMH: minting one token with this service's minter, with LiveKit's Kotlin SDK, and the HMAC+base64 floor, one run.
# Usage: bench/mint.sh [extra JMH options, e.g. -f 1 -wi 3 -i 5]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -ntp -Pbench test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
	-Dmdep.includeScope=test >/dev/null
exec java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" org.openjdk.jmh.Main \
	MintBenchmark "$@"
