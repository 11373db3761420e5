#!/usr/bin/env bash
# Prepares a Debian bookworm machine (root, no systemd) to run Dockside's snippet suite against a current
# Docker Engine with no access to Docker Hub. Safe to run again and again: every step checks first.
#
#   1. installs docker-registry, mmdebstrap, curl and jq from Debian (bookworm's own docker.io is Engine
#      20.10, end-of-life, and is not used)
#   2. builds a Debian forky root filesystem holding Engine 28.5, containerd 2.1, runc, the docker CLI,
#      Compose 2.40 and buildx 0.29 (bookworm cannot install them: newer libc), once; later runs reuse it
#   3. puts the forky docker CLI and its Compose and buildx plugins on the host's PATH (they need only
#      glibc 2.34)
#   4. writes the engine's daemon.json: the local registry mirror and the containerd image store
#   5. starts the local registry (docker-registry) on 127.0.0.1:5000
#   6. starts dockerd from the rootfs in its own mount namespace (enter-rootfs.sh) with the host's
#      /tmp, /home, /root, /work … visible at their own paths, so a lesson can bind-mount its folder
#
#   setup-engine.sh          set up and start (or confirm it is running)
#   setup-engine.sh --stop   stop the engine this script started (the registry keeps running)
#
# The registry and dockerd run as background processes and log to /var/log/dockside-registry.log and
# /var/log/dockerd.log. A machine that reaches Docker Hub needs none of this: any working `docker` is
# enough there, and this script leaves an engine it did not start alone.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
MIRROR=http://127.0.0.1:5000
REGISTRY_CONFIG_SOURCE=$HERE/registry.yml
# The registry runs from a copy outside the repository, so moving or editing a checkout
# never pulls the configuration from under a running registry.
REGISTRY_CONFIG=/etc/dockside/registry.yml
REGISTRY_PIDFILE=/run/dockside-registry.pid
REGISTRY_LOG=/var/log/dockside-registry.log
ENGINE_DIR=${DOCKSIDE_ENGINE_DIR:-/var/lib/dockside-engine}
ROOTFS=$ENGINE_DIR/rootfs
# What the rootfs holds; a change here rebuilds it (the list is stamped into the rootfs). procps: dockerd
# runs `ps` from its own root filesystem for `docker top`.
SUITE=forky
PACKAGES=docker.io,docker-cli,containerd,runc,docker-compose,docker-buildx,iptables,ca-certificates,procps
DOCKERD_PIDFILE=$ROOTFS/run/docker.pid
DOCKERD_SOCKET=$ROOTFS/run/docker.sock
DOCKERD_LOG=/var/log/dockerd.log
HOST_SOCKET=/run/docker.sock
CLIENT=/usr/local/bin/docker
PLUGIN_DIR=/usr/local/lib/docker/cli-plugins
# Host folders the engine sees at their own paths (bind mounts in lessons, the suite's temp folders).
SHARED_DIRS=(/tmp /var/tmp /home /root /work /srv /opt /mnt)
# …and the checkout this script belongs to, wherever it is.
SHARED_DIRS+=("$(cd "$HERE/../.." && pwd)")

log() { printf 'setup-engine: %s\n' "$*"; }
die() {
  printf 'setup-engine: error: %s\n' "$*" >&2
  exit 1
}

# Polls a check until it succeeds or the seconds run out.
wait_for() {
  local seconds=$1 what=$2
  shift 2
  local deadline=$((SECONDS + seconds))
  until "$@"; do
    ((SECONDS < deadline)) || die "$what did not answer within ${seconds}s"
    sleep 0.5
  done
}

[ "$(id -u)" = 0 ] || die "run as root: sudo $0"

dockerd_pid() {
  local pid
  pid=$(cat "$DOCKERD_PIDFILE" 2>/dev/null) && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

if [ "${1:-}" = --stop ]; then
  if pid=$(dockerd_pid); then
    log "stopping dockerd (pid $pid)"
    kill -TERM "$pid"
    wait_for 60 "stopping dockerd" bash -c "! kill -0 $pid 2>/dev/null"
  else
    log "no engine of ours is running"
  fi
  exit 0
fi
[ $# -eq 0 ] || die "unknown argument $1 (usage: setup-engine.sh [--stop])"
command -v apt-get >/dev/null || die "this script is for Debian (apt-get not found)"

engine_answers() { timeout 10 docker info >/dev/null 2>&1; }
mirror_active() {
  timeout 10 docker info --format '{{range .RegistryConfig.Mirrors}}{{println .}}{{end}}' 2>/dev/null |
    grep -qxF "$MIRROR/"
}

# --- 1. Debian packages --------------------------------------------------------------------------
installed() { [ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" = 'install ok installed' ]; }
missing=()
for package in docker-registry mmdebstrap curl jq; do
  installed "$package" || missing+=("$package")
done
if ((${#missing[@]})); then
  log "installing ${missing[*]}"
  apt-get update -q
  # Without systemd the packages' own service starts may fail, which is fine: this script starts what
  # it needs below.
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
else
  log "packages present: docker-registry mmdebstrap curl jq"
fi

# An engine this script did not start (Docker Desktop, a system dockerd, rootless): use it as it is.
if ! dockerd_pid >/dev/null && engine_answers; then
  mirror_active || die "an engine answers at $(docker context inspect --format '{{.Endpoints.docker.Host}}' 2>/dev/null || echo 'the default socket') that this script did not start; add \"registry-mirrors\": [\"$MIRROR\"] to its daemon.json and reload it, or stop it and run this again"
  log "an engine this script did not start answers and uses the mirror: leaving it alone"
  FOREIGN_ENGINE=yes
else
  FOREIGN_ENGINE=no
fi

# --- 2. the forky root filesystem ----------------------------------------------------------------
stamp="$SUITE $PACKAGES"
if [ "$FOREIGN_ENGINE" = no ]; then
  if [ "$(cat "$ROOTFS/.dockside-rootfs" 2>/dev/null)" = "$stamp" ]; then
    log "engine rootfs present: $ROOTFS"
  else
    if pid=$(dockerd_pid); then
      log "the rootfs package list changed: stopping dockerd (pid $pid) to rebuild it"
      kill -TERM "$pid"
      wait_for 60 "stopping dockerd" bash -c "! kill -0 $pid 2>/dev/null"
    fi
    log "building the engine rootfs from Debian $SUITE (about 2-3 minutes): $PACKAGES"
    rm -rf "$ROOTFS.new"
    mkdir -p "$ENGINE_DIR"
    started=$SECONDS
    # forky's Release file can be past its Valid-Until date on a mirror snapshot.
    mmdebstrap --quiet --variant=minbase --aptopt='Acquire::Check-Valid-Until "false"' \
      --include="$PACKAGES" "$SUITE" "$ROOTFS.new"
    printf '%s\n' "$stamp" >"$ROOTFS.new/.dockside-rootfs"
    # The old rootfs holds the old engine's images and containers: they go with it.
    rm -rf "$ROOTFS"
    mv "$ROOTFS.new" "$ROOTFS"
    log "rootfs built in $((SECONDS - started))s"
  fi

  # --- 3. the docker CLI and its plugins on the host ---------------------------------------------
  if [ -e "$CLIENT" ] && [ ! -L "$CLIENT" ] && [ ! -e "$CLIENT.before-dockside" ]; then
    mv "$CLIENT" "$CLIENT.before-dockside"
    log "saved the previous $CLIENT as $CLIENT.before-dockside"
  fi
  ln -sfn "$ROOTFS/usr/bin/docker" "$CLIENT"
  mkdir -p "$PLUGIN_DIR"
  for plugin in docker-compose docker-buildx; do
    ln -sfn "$ROOTFS/usr/libexec/docker/cli-plugins/$plugin" "$PLUGIN_DIR/$plugin"
  done
  hash -r
  log "docker CLI $(docker --version | sed 's/^Docker version //'), compose $(docker compose version --short), buildx $(docker buildx version | awk '{print $2}')"

  # --- 4. the engine's daemon.json ---------------------------------------------------------------
  daemon_json=$ROOTFS/etc/docker/daemon.json
  mkdir -p "$(dirname "$daemon_json")"
  jq -n --arg mirror "$MIRROR" \
    '{"registry-mirrors": [$mirror], "features": {"containerd-snapshotter": true}}' >"$daemon_json.new"
  mv "$daemon_json.new" "$daemon_json"
  # Containers resolve names with the host's resolver configuration.
  cp /etc/resolv.conf "$ROOTFS/etc/resolv.conf"
fi

# --- 5. local registry ----------------------------------------------------------------------------
registry_status() { curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$MIRROR/v2/" || true; }
registry_answers() { [ "$(registry_status)" = 200 ]; }
registry_pid() {
  local pid
  pid=$(cat "$REGISTRY_PIDFILE" 2>/dev/null) && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

mkdir -p "$(dirname "$REGISTRY_CONFIG")"
config_changed=no
if ! cmp -s "$REGISTRY_CONFIG_SOURCE" "$REGISTRY_CONFIG"; then
  install -m 0644 "$REGISTRY_CONFIG_SOURCE" "$REGISTRY_CONFIG"
  config_changed=yes
fi
if [ "$config_changed" = yes ] && pid=$(registry_pid); then
  log "registry configuration changed: restarting the registry (pid $pid)"
  kill "$pid"
  wait_for 20 "stopping the registry" bash -c "! kill -0 $pid 2>/dev/null"
fi
if registry_answers; then
  log "registry answers at $MIRROR"
else
  status=$(registry_status)
  if [ "$status" != 000 ]; then
    die "something else answers at $MIRROR (HTTP $status): stop it (Debian's own docker-registry service uses the same port) and run this again"
  fi
  log "starting the registry on ${MIRROR#http://} (log: $REGISTRY_LOG)"
  install -d -o docker-registry -g docker-registry /var/lib/docker-registry
  start-stop-daemon --start --background --no-close \
    --chuid docker-registry --exec /usr/bin/docker-registry \
    --pidfile "$REGISTRY_PIDFILE" --make-pidfile \
    -- serve "$REGISTRY_CONFIG" >>"$REGISTRY_LOG" 2>&1
  wait_for 30 "the registry at $MIRROR" registry_answers
  log "registry answers at $MIRROR"
fi

# --- 6. dockerd -----------------------------------------------------------------------------------
if [ "$FOREIGN_ENGINE" = no ]; then
  if pid=$(dockerd_pid); then
    wait_for 60 "the running dockerd (pid $pid)" engine_answers
    log "dockerd (pid $pid) answers"
  else
    # Leftovers of an engine that did not stop cleanly (the machine was reset, the process was killed).
    rm -f "$DOCKERD_PIDFILE" "$DOCKERD_SOCKET"
    log "starting dockerd from $ROOTFS (log: $DOCKERD_LOG)"
    # setsid: dockerd outlives this script and the shell that ran it.
    setsid unshare --mount --propagation private "$HERE/enter-rootfs.sh" "$ROOTFS" "${SHARED_DIRS[@]}" \
      </dev/null >>"$DOCKERD_LOG" 2>&1 &
    wait_for 60 "dockerd's socket" test -S "$DOCKERD_SOCKET"
  fi
  if [ "$(readlink "$HOST_SOCKET" 2>/dev/null)" != "$DOCKERD_SOCKET" ]; then
    [ -S "$HOST_SOCKET" ] && ! [ -L "$HOST_SOCKET" ] && die "$HOST_SOCKET belongs to another engine: stop it first"
    ln -sfn "$DOCKERD_SOCKET" "$HOST_SOCKET"
  fi
  wait_for 60 "dockerd" engine_answers
fi
mirror_active || die "the engine runs but does not list $MIRROR/ under Registry Mirrors (see $DOCKERD_LOG)"

store=$(docker info --format '{{range .DriverStatus}}{{if eq (index . 0) "driver-type"}}{{index . 1}}{{end}}{{end}}')
log "ready: engine $(docker version --format '{{.Server.Version}}') (storage $(docker info --format '{{.Driver}}')${store:+, $store}), compose $(docker compose version --short 2>/dev/null), buildx $(docker buildx version 2>/dev/null | awk '{print $2}'), mirror $MIRROR"
