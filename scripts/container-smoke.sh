#!/usr/bin/env bash
# Builds the container image from ./Dockerfile and runs it: /api/v1/health answers, a token is minted, the process
# runs as the non-root user, SIGTERM stops it cleanly. Prints the image size and the container's start-up time.
#
# Registries of container images cannot be reached here, so the base images are made locally first: Debian root
# filesystems (debootstrap --variant=minbase) with a JDK for the build stage and a JRE for the runtime, imported into
# podman and passed as the Dockerfile's BUILD_IMAGE / RUNTIME_IMAGE arguments. They are kept between runs. The
# runtime is Java 25 as in the Dockerfile (eclipse-temurin:25-jre): a JRE linked with jlink from this machine's
# Temurin 25 JDK; a machine without one gets Debian's OpenJDK 17 JRE (train.sh then records a CDS archive instead).
# Needs root (apt-get, debootstrap, rootful podman). Usage: scripts/container-smoke.sh
set -euo pipefail
cd "$(dirname "$0")/.."

IMAGE=localhost/lesa-token-api:smoke
BUILD_BASE=localhost/lesa-base-jdk17:bookworm
JDK25=$(ls -d /usr/lib/jvm/temurin-25* 2>/dev/null | head -n 1 || true)
RUNTIME_BASE=localhost/lesa-base-jre17:bookworm
[[ -n "$JDK25" ]] && RUNTIME_BASE=localhost/lesa-base-jre25:bookworm
NAME=lesa-smoke-$$
PORT=18000
MANAGEMENT_PORT=18081
work=$(mktemp -d /tmp/lesa-container.XXXXXX)

cleanup() {
	podman rm -f "$NAME" >/dev/null 2>&1 || true
	rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "container-smoke: FAILED: $*" >&2; podman logs "$NAME" 2>&1 | tail -n 40 >&2 || true; exit 1; }

missing=()
for tool in podman runc debootstrap curl; do command -v "$tool" >/dev/null || missing+=("$tool"); done
if ((${#missing[@]})); then
	echo "Installing ${missing[*]} (and podman's helpers)"
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq podman runc debootstrap curl >/dev/null
fi

# These machines need podman told its ulimits and runtime.
cat >"$work/containers.conf" <<'CONF'
[containers]
default_ulimits = ["nofile=20000:20000", "nproc=32768:32768"]

[engine]
runtime = "runc"
CONF
export CONTAINERS_CONF="$work/containers.conf"

# The Debian mirror this machine's apt already uses, and its release.
mirror() {
	local uri
	uri=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/*.sources 2>/dev/null || true)
	[[ -n "$uri" ]] || uri=$(awk '/^deb / {print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)
	[[ -n "$uri" ]] || fail "no Debian mirror found in the apt sources"
	echo "$uri"
}
codename=$(. /etc/os-release && echo "${VERSION_CODENAME:-bookworm}")

make_base() { # image packages [JDK to link a JRE from]
	local image=$1 packages=$2 jdk=${3:-} rootfs="$work/rootfs-${1##*/}" path=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
	if podman image exists "$image"; then
		return
	fi
	echo "Making base image $image ($packages) with debootstrap"
	debootstrap --variant=minbase --include="$packages" "$codename" "$rootfs" "$(mirror)" >"$work/debootstrap.log" 2>&1 \
		|| { tail -n 20 "$work/debootstrap.log" >&2; fail "debootstrap"; }
	# Trust what this machine trusts (its network may re-sign TLS); official base images come with their own CAs.
	cp /etc/ssl/certs/ca-certificates.crt "$rootfs/etc/ssl/certs/ca-certificates.crt"
	if [[ -f /etc/ssl/certs/java/cacerts && -d "$rootfs/etc/ssl/certs/java" ]]; then
		cp /etc/ssl/certs/java/cacerts "$rootfs/etc/ssl/certs/java/cacerts"
	fi
	rm -rf "$rootfs/var/cache/apt/archives/"*.deb "$rootfs/var/lib/apt/lists/"*
	if [[ -n "$jdk" ]]; then
		# Where and how the official eclipse-temurin images have it: /opt/java/openjdk, on PATH.
		local modules
		modules=$("$jdk/bin/java" --list-modules | sed 's/@.*//' | grep -v -x -e jdk.jlink -e jdk.jpackage | paste -sd, -)
		mkdir -p "$rootfs/opt/java"
		"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
			--output "$rootfs/opt/java/openjdk" >/dev/null 2>&1 || fail "jlink of $jdk"
		path=/opt/java/openjdk/bin:$path
	fi
	tar -C "$rootfs" -c . | podman import --change "ENV PATH=$path" - "$image" >/dev/null
	rm -rf "$rootfs"
}
make_base "$BUILD_BASE" "openjdk-17-jdk-headless,ca-certificates"
if [[ -n "$JDK25" ]]; then
	make_base "$RUNTIME_BASE" "ca-certificates" "$JDK25"
else
	make_base "$RUNTIME_BASE" "openjdk-17-jre-headless,ca-certificates"
fi

echo "Building $IMAGE from the Dockerfile"
podman build --network=host --build-arg BUILD_IMAGE="$BUILD_BASE" --build-arg RUNTIME_IMAGE="$RUNTIME_BASE" \
	-t "$IMAGE" . >"$work/build.log" 2>&1 || { tail -n 40 "$work/build.log" >&2; fail "podman build"; }

echo "Running it"
start=$(date +%s%N)
podman run -d --name "$NAME" --network=host -e PORT=$PORT -e MANAGEMENT_PORT=$MANAGEMENT_PORT \
	-e LIVEKIT_WS_URL=ws://127.0.0.1:7880 -e LIVEKIT_URL=http://127.0.0.1:7880 \
	-e LIVEKIT_API_KEY=APIsmoke -e LIVEKIT_API_SECRET=smoke-test-secret-of-at-least-32-bytes \
	"$IMAGE" >/dev/null
for _ in $(seq 1 600); do
	curl -sf -o /dev/null "http://127.0.0.1:$PORT/api/v1/health" && break
	sleep 0.05
done
ready=$(date +%s%N)
health=$(curl -sf "http://127.0.0.1:$PORT/api/v1/health") || fail "/api/v1/health did not answer"
grep -q '"status":"healthy"' <<<"$health" || fail "unexpected health answer: $health"
token=$(curl -sf -X POST "http://127.0.0.1:$PORT/api/v1/auth/token" -H 'Content-Type: application/json' \
	-d '{"room":"smoke-room","identity":"smoke-user"}') || fail "token request failed"
grep -q '"token":"eyJ' <<<"$token" || fail "no token in: ${token:0:200}"
user=$(podman exec "$NAME" id -u) || fail "podman exec"
[[ "$user" == "10001" ]] || fail "process runs as uid $user, not 10001"
pid1=$(podman top "$NAME" user comm | awk 'NR==2 {print $1, $2}')
[[ "$pid1" == "10001 java" ]] || fail "PID 1 is '$pid1', not java as 10001"
# Output is captured before grep: with pipefail, `producer | grep -q` fails when grep stops reading early.
readiness=$(curl -sf "http://127.0.0.1:$MANAGEMENT_PORT/actuator/health/readiness") || fail "readiness probe"
grep -q UP <<<"$readiness" || fail "readiness probe: $readiness"

stop_start=$(date +%s%N)
podman stop -t 30 "$NAME" >/dev/null
stop_end=$(date +%s%N)
code=$(podman inspect "$NAME" --format '{{.State.ExitCode}}')
[[ "$code" == "0" ]] || fail "exit code after SIGTERM was $code, not 0"
logs=$(podman logs "$NAME" 2>&1)
grep -q "Graceful shutdown complete" <<<"$logs" || fail "no graceful shutdown in the log"

size=$(podman image inspect "$IMAGE" --format '{{.Size}}')
echo "image size: $((size / 1000 / 1000)) MB ($IMAGE, runtime $(podman run --rm --entrypoint java "$IMAGE" -version 2>&1 | head -n 1))"
echo "start-up (podman run to first healthy answer): $(((ready - start) / 1000000)) ms"
echo "stop (SIGTERM to exit 0): $(((stop_end - stop_start) / 1000000)) ms"
echo "container-smoke: OK"
