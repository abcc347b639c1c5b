#!/bin/sh
# Runs the application once at image build time, up to a refreshed context, to record the classes it loads, and
# writes the JVM options the container starts with. JDK 25+: an AOT cache; older JDKs: an application CDS archive.
set -eu
cd /app
version=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
if [ "${version%%.*}" -ge 25 ]; then
	java -XX:AOTCacheOutput=app.aot -Dspring.context.exit=onRefresh -jar application.jar >/dev/null
	echo "-XX:AOTCache=app.aot" > jvm.args
else
	java -XX:ArchiveClassesAtExit=app.jsa -Dspring.context.exit=onRefresh -jar application.jar >/dev/null
	echo "-XX:SharedArchiveFile=app.jsa" > jvm.args
fi
# Heap as a share of the container's memory; die (and be restarted) rather than limp on after an OutOfMemoryError.
echo "-XX:InitialRAMPercentage=25 -XX:MaxRAMPercentage=70 -XX:+ExitOnOutOfMemoryError" >> jvm.args
echo "-Djava.io.tmpdir=/tmp" >> jvm.args
