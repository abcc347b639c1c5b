#!/bin/sh
# Runs the application once, up to a refreshed context, to record the classes it loads, and writes the JVM options
# it starts with (an @argfile). JDK 25+: an AOT cache; older JDKs: an application CDS archive. Used at image build
# time (in /app) and by the benchmarks (in the folder given as the first argument).
set -eu
cd "${1:-/app}"
# The serial collector, named: it is what the JVM's ergonomics pick in a 512 MiB container anyway (not a "server
# class" machine), and on this service it keeps ~60 MB less resident than G1 at the same p99 (bench/http.sh,
# bench/memory.sh); naming it makes every environment, the benchmarks included, run the same one.
# Heap as a share of the container's memory, at most 40%: the rest of the process (AOT cache, compiled code, the JVM
# itself) needs ~170 MB once warm, and under steady load the serial collector lets the old generation fill with
# short-lived garbage up to the heap's maximum before a full collection, so the process grows to the heap maximum plus
# that (bench/memory.sh 100000 240: at 70% it reached 516 MB in a 512 MiB budget after ~2.5 minutes at ~19,000 tokens/s;
# at 40% it levels off near 370 MB, reached far more slowly since connection buffers are reused). 205 MB of heap in 512
# MiB is still twice the most live data measured: ~35 MB, plus 47 MB for the rate limiter's 100,000 tracked callers when
# full. It starts at 6% (31 MB in 512 MiB, about the live data once serving: 23.5 MB after start, ~29 MB after load)
# and grows as the old generation needs: with 10% the young generation alone was 16 MB, all of it touched at every
# cycle, and the process held 207-208 MB 10 s after 100,000 requests against 200-204 MB (bench/memory.sh, 3
# alternating pairs; bench/http.sh alike). Die (and be restarted) rather than limp on after an OutOfMemoryError.
# Every 200 ms, hand the C heap the JIT compilers freed back to the operating system (glibc keeps it otherwise: ~20-35
# MB of resident set under load, bench/memory.sh). A longer interval leaves that much more of their scratch memory in
# the resident set while they still work: as 100,000 requests end, 186, 189, 188 MB against 193, 196, 195 MB every
# second (3 pairs; 10 s later alike), and every 5 s 204-217 MB against 205-207 MB. It costs ~1 ms of one core per trim
# (101 trims in 21 s of full load took 116 ms, -Xlog:trimnative). Experimental on JDK 17-21, a product option from 22.
options="-XX:+UseSerialGC -XX:InitialRAMPercentage=6 -XX:MaxRAMPercentage=40 -XX:+ExitOnOutOfMemoryError"
options="$options -XX:+UnlockExperimentalVMOptions -XX:TrimNativeHeapInterval=200"
# The bean definitions the build generated ahead of time (spring-boot:process-aot) instead of working them out from
# configuration classes and conditions at every start. No setting decides which beans exist (BuildTimeDecisionsTests).
options="$options -Dspring.aot.enabled=true"
version=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
# The training start is a production start (API docs off, JSON logs), so the archive holds the classes a deployment
# loads. With -Dlesa.aot-training=true the service, once ready, sends itself the first requests a deployment answers
# (health, tokens, refusals, a dispatch, a preflight, the probes; TrainingRun) and exits, so their classes and method
# profiles are in the cache too. The LiveKit values are placeholders that only pass the production checks (the
# dispatch finds no LiveKit there); the archive records classes and profiles, not settings.
training="ENVIRONMENT=production LIVEKIT_URL=http://127.0.0.1:7880 LIVEKIT_WS_URL=ws://127.0.0.1:7880
LIVEKIT_API_KEY=APItraining LIVEKIT_API_SECRET=class-data-sharing-training-only-not-a-secret
CORS_ALLOW_ORIGINS=https://training.invalid PORT=0 MANAGEMENT_PORT=0 ENV_FILE=/nonexistent"
# Trained in the memory of a pod (512 MiB, as deploy/kubernetes gives it), whatever the build machine has: a heap
# sized from a machine with more than ~46 GiB would turn compressed object pointers off, and a cache recorded that
# way is not used by the JVMs that run the image.
train="-XX:MaxRAM=512m"
if [ "${version%%.*}" -ge 25 ]; then
	env $training java $train $options -XX:AOTCacheOutput=app.aot -Dlesa.aot-training=true -jar application.jar >/dev/null
	echo "-XX:AOTCache=app.aot" > jvm.args
else
	env $training java $train $options -XX:ArchiveClassesAtExit=app.jsa -Dlesa.aot-training=true -jar application.jar >/dev/null
	echo "-XX:SharedArchiveFile=app.jsa" > jvm.args
fi
echo "$options" >> jvm.args
echo "-Djava.io.tmpdir=/tmp" >> jvm.args
