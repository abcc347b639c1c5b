#!/bin/sh
# Runs the application once, up to a refreshed context, to record the classes it loads, and writes the JVM options
# it starts with (an @argfile). JDK 25+: an AOT cache; older JDKs: an application CDS archive. Used at image build
# time (in /app) and by the benchmarks (in the folder given as the first argument).
set -eu
cd "${1:-/app}"
# The serial collector, named: it is what the JVM's ergonomics pick in a 512 MiB container anyway (not a "server
# class" machine), and on this service it keeps ~60 MB less resident than G1 at the same p99 (bench/http.sh,
# bench/memory.sh); naming it makes every environment, the benchmarks included, run the same one.
# Heap as a share of the container's memory; die (and be restarted) rather than limp on after an OutOfMemoryError.
options="-XX:+UseSerialGC -XX:InitialRAMPercentage=10 -XX:MaxRAMPercentage=70 -XX:+ExitOnOutOfMemoryError"
version=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
if [ "${version%%.*}" -ge 25 ]; then
	java $options -XX:AOTCacheOutput=app.aot -Dspring.context.exit=onRefresh -jar application.jar >/dev/null
	echo "-XX:AOTCache=app.aot" > jvm.args
else
	java $options -XX:ArchiveClassesAtExit=app.jsa -Dspring.context.exit=onRefresh -jar application.jar >/dev/null
	echo "-XX:SharedArchiveFile=app.jsa" > jvm.args
fi
echo "$options" >> jvm.args
echo "-Djava.io.tmpdir=/tmp" >> jvm.args
