#!/usr/bin/env bash
# A Docker-compatible engine for the Docker provider's real-engine check (npm run test:docker),
# on a Debian machine without Docker: podman's Docker API service on a unix socket, and a
# one-binary busybox image imported from the Debian package (nothing is pulled from a registry).
#
#   bash scripts/podman-engine.sh start   # prints the env for npm run test:docker
#   bash scripts/podman-engine.sh stop
#
# Containers here run under a lower open-files hard limit than podman's default, hence the
# containers.conf below (runc, cgroupfs, nofile and nproc capped at this shell's hard limits).
set -euo pipefail

dir=/tmp/flightdeck-podman
sock="$dir/podman.sock"
image=localhost/flightdeck-test-busybox:latest

stop() {
  if [ -f "$dir/service.pid" ]; then kill "$(cat "$dir/service.pid")" 2>/dev/null || true; rm -f "$dir/service.pid"; fi
}

start() {
  if ! command -v podman >/dev/null || ! command -v runc >/dev/null || [ ! -x /bin/busybox ]; then
    echo "Installing podman, runc and busybox-static" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q podman runc busybox-static >/dev/null \
      || { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q podman runc busybox-static >/dev/null; }
  fi
  mkdir -p "$dir"
  local nofile nproc
  nofile=$(ulimit -Hn); [ "$nofile" = unlimited ] && nofile=1048576
  nproc=$(ulimit -Hu); { [ "$nproc" = unlimited ] || [ "$nproc" -gt 4096 ]; } && nproc=4096
  cat >"$dir/containers.conf" <<EOF
[containers]
default_ulimits = ["nofile=${nofile}:${nofile}", "nproc=${nproc}:${nproc}"]
[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
EOF
  export CONTAINERS_CONF="$dir/containers.conf"
  if ! podman image exists "$image"; then
    rm -rf "$dir/root" && mkdir -p "$dir/root/bin"
    cp /bin/busybox "$dir/root/bin/"
    for c in sh echo sleep cat; do ln -s busybox "$dir/root/bin/$c"; done
    tar -C "$dir/root" -cf "$dir/busybox.tar" .
    podman import -q "$dir/busybox.tar" "$image" >/dev/null
  fi
  podman run --rm --network none "$image" /bin/sh -c 'echo container ok' >/dev/null
  stop
  rm -f "$sock"
  nohup podman system service --time=0 "unix://$sock" >"$dir/service.log" 2>&1 &
  echo $! >"$dir/service.pid"
  for _ in $(seq 1 30); do [ -S "$sock" ] && break; sleep 1; done
  [ -S "$sock" ] || { echo "podman service did not start; see $dir/service.log" >&2; exit 1; }
  echo "FLIGHTDECK_TEST_DOCKER_HOST=unix://$sock FLIGHTDECK_TEST_DOCKER_IMAGE=$image"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
