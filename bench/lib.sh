# Shared by the HTTP benchmarks: the packaged jar, extracted and started as the Dockerfile starts it (on the image's
# Java where this machine has it; ahead-of-time processed beans, the AOT cache or class-data sharing archive and the
# JVM options from docker/train.sh), in a 512 MiB memory budget (the Kubernetes limit), with the
# settings a deployment has (ENVIRONMENT=production as in deploy/kubernetes: JSON logs, API docs off, every filter
# on). Rate limits are off: one client would hit them at once.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
JAR=$(ls target/lesa-token-api-*.jar 2>/dev/null | grep -v original | head -n 1 || true)
if [[ -z "$JAR" ]]; then
	./mvnw -q -B -ntp package -DskipTests
	JAR=$(ls target/lesa-token-api-*.jar | grep -v original | head -n 1)
fi
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
BENCH_PORT=${BENCH_PORT:-18090}
# wrk's threads. One keeps the service busy using about a third of a core (bench/http.sh prints wrk's CPU);
# on these 2 cores, which the load shares with the service, a second one adds its contention with the first and with
# the service's threads to the latencies wrk reports: token p99 5.7-6.3 ms with one thread against 12.9-14.1 ms with
# two, health 4.5-5.4 against 10.5-12.4 ms; one thread gets 1-16% less throughput on both endpoints, the ratio alike
# (bench/README.md, "Load generator").
# WRK_THREADS=2 is the setup of the sessions before 2026-12-06.
WRK_THREADS=${WRK_THREADS:-1}
APP_DIR=target/bench-app
# The Java the image runs (the Dockerfile's runtime is Temurin 25): BENCH_JAVA_HOME if given, else the newest JDK 25+
# under /usr/lib/jvm, else the java on PATH.
if [[ -z "${BENCH_JAVA_HOME:-}" ]]; then
	for home in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -V); do
		[[ -x "$home/bin/java" ]] || continue
		feature=$("$home/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' || true)
		if [[ "${feature%%.*}" =~ ^[0-9]+$ ]] && ((${feature%%.*} >= 25)); then
			BENCH_JAVA_HOME=${home%/}
		fi
	done
fi
[[ -n "${BENCH_JAVA_HOME:-}" ]] && PATH="$BENCH_JAVA_HOME/bin:$PATH"
JAVA_VERSION=$(java -version 2>&1 | head -n 1)
if [[ ! -f "$APP_DIR/jvm.args" || "$JAR" -nt "$APP_DIR/jvm.args" || docker/train.sh -nt "$APP_DIR/jvm.args" || "$(cat "$APP_DIR/java.version" 2>/dev/null)" != "$JAVA_VERSION" ]]; then
	rm -rf "$APP_DIR"
	java -Djarmode=tools -jar "$JAR" extract --application-filename application.jar --destination "$APP_DIR" >/dev/null
	(env -i PATH="$PATH" ENV_FILE=/nonexistent sh docker/train.sh "$APP_DIR" 2>/dev/null)
	echo "$JAVA_VERSION" >"$APP_DIR/java.version"
fi
echo "service: $JAVA_VERSION, $(tr '\n' ' ' <"$APP_DIR/jvm.args")${BENCH_JVM_OPTIONS:-}" >&2
# BENCH_JVM_OPTIONS: extra JVM options after the image's, to try one (e.g. BENCH_JVM_OPTIONS=-XX:TieredStopAtLevel=1).
BENCH_JVM=(-XX:MaxRAM=512m @jvm.args ${BENCH_JVM_OPTIONS:-})
SERVICE_PID=

start_service() {
	(cd "$APP_DIR" && env -i PATH="$PATH" ENV_FILE=/nonexistent PORT=$BENCH_PORT MANAGEMENT_PORT=$((BENCH_PORT + 1)) HOST=127.0.0.1 \
		ENVIRONMENT=production LOG_FORMAT=json LIVEKIT_WS_URL=ws://127.0.0.1:7880 LIVEKIT_URL=http://127.0.0.1:7880 \
		LIVEKIT_API_KEY=APIbench LIVEKIT_API_SECRET=bench-secret-that-is-long-enough-for-hs256 \
		CORS_ALLOW_ORIGINS=https://app.example.com RATE_LIMIT_TOKENS_PER_MINUTE=0 \
		java "${BENCH_JVM[@]}" -jar application.jar >/tmp/lesa-bench-service.log 2>&1) &
	SERVICE_PID=$!
	wait_for_health && return 0
	echo "the service did not start; see /tmp/lesa-bench-service.log" >&2
	return 1
}

# Asks for /api/v1/health every 20 ms until it answers 200 (at most ~18 s), with bash's own /dev/tcp and a read that
# times out on an empty FIFO instead of a curl and a sleep per attempt: on 2 cores those two processes cost ~8 ms of
# CPU each time, ~0.4 s over a start that needs ~2.5 s of CPU, and slowed the start being measured.
wait_for_health() {
	local tick status answered=1
	tick=$(mktemp -u /tmp/lesa-tick.XXXXXX)
	mkfifo "$tick"
	exec 9<>"$tick"
	rm -f "$tick"
	for _ in $(seq 1 900); do
		if { exec 8<>"/dev/tcp/127.0.0.1/$BENCH_PORT"; } 2>/dev/null; then
			printf 'GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' >&8
			status=
			IFS= read -r -t 5 status <&8 || true
			exec 8>&-
			if [[ "$status" == "HTTP/1.1 200 "* ]]; then
				answered=0
				break
			fi
		fi
		read -r -t 0.02 -u 9 || true
	done
	exec 9>&-
	return $answered
}

stop_service() {
	[[ -n "$SERVICE_PID" ]] && pkill -TERM -P "$SERVICE_PID" 2>/dev/null || true
	[[ -n "$SERVICE_PID" ]] && wait "$SERVICE_PID" 2>/dev/null || true
	SERVICE_PID=
}

service_pid() {
	pgrep -f -- "-jar application.jar" | head -n 1
}

service_rss_mb() {
	awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$(service_pid)/status"
}

# CPU the service has used so far, in ms: the whole process, its C2 and C1 compiler threads, its main thread (from
# /proc/<pid>/task/*/stat; threads that have ended count only in the whole).
service_cpu_ms() {
	local pid
	pid=$(service_pid)
	{
		echo "process $(cut -d')' -f2- "/proc/$pid/stat")"
		for task in /proc/"$pid"/task/*; do
			case "$(cat "$task/comm")" in
				"C2 CompilerThre"*) echo "c2 $(cut -d')' -f2- "$task/stat")" ;;
				"C1 CompilerThre"*) echo "c1 $(cut -d')' -f2- "$task/stat")" ;;
				# The launcher's thread (the process id) waits; Java's main thread is the other one named java.
				java) if [[ "${task##*/}" != "$pid" ]]; then echo "main $(cut -d')' -f2- "$task/stat")"; fi ;;
			esac
		done
	} | awk -v tick="$(getconf CLK_TCK)" '{cpu[$1] += ($13 + $14) * 1000 / tick}
		END {printf "%d %d %d %d\n", cpu["process"], cpu["c2"], cpu["c1"], cpu["main"]}'
}

TOKEN_LUA=$(mktemp /tmp/lesa-token.XXXXXX.lua)
cat >"$TOKEN_LUA" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"room":"bench-room","identity":"bench-user","name":"Bench","mic_only":true,"metadata":"{\\"plan\\":\\"pro\\"}"}'
LUA
trap 'stop_service; rm -f "$TOKEN_LUA"' EXIT
