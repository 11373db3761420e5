#!/usr/bin/env bash
# Prepares a Debian bookworm machine to run Dockside's snippet suite against a real Docker Engine
# with no access to Docker Hub. Safe to run again and again: every step checks first.
#
#   1. installs docker.io, docker-registry and mmdebstrap from Debian (plus curl and jq, used below)
#   2. installs the Docker Compose v2 CLI plugin from Debian trixie's docker-compose package
#   3. adds http://127.0.0.1:5000 to registry-mirrors in /etc/docker/daemon.json (merging, not replacing)
#   4. starts the local registry (docker-registry) on 127.0.0.1:5000
#   5. starts dockerd, or makes a running dockerd pick up the mirror
#
# There is no systemd on these machines: the registry and dockerd run as background processes and log
# to /var/log/dockside-registry.log and /var/log/dockerd.log.
# A machine that reaches Docker Hub needs none of this: any working `docker` is enough there.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
MIRROR=http://127.0.0.1:5000
REGISTRY_CONFIG_SOURCE=$HERE/registry.yml
# The registry runs from a copy outside the repository, so moving or editing a checkout
# never pulls the configuration from under a running registry.
REGISTRY_CONFIG=/etc/dockside/registry.yml
REGISTRY_PIDFILE=/run/dockside-registry.pid
REGISTRY_LOG=/var/log/dockside-registry.log
DOCKERD_PIDFILE=/var/run/docker.pid
DOCKERD_LOG=/var/log/dockerd.log
DAEMON_JSON=/etc/docker/daemon.json
PLUGIN_DIR=/usr/local/lib/docker/cli-plugins

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
command -v apt-get >/dev/null || die "this script is for Debian (apt-get not found)"

# --- 1. Debian packages --------------------------------------------------------------------------
installed() { [ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" = 'install ok installed' ]; }
missing=()
for package in docker.io docker-registry mmdebstrap curl jq; do
  installed "$package" || missing+=("$package")
done
if ((${#missing[@]})); then
  log "installing ${missing[*]}"
  apt-get update -q
  # policy-rc.d is not ours to touch; without systemd the packages' own service starts may fail, which
  # is fine: this script starts what it needs below.
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
else
  log "packages present: docker.io docker-registry mmdebstrap curl jq"
fi

# --- 2. Compose v2 plugin from trixie -----------------------------------------------------------
# Bookworm has no Compose v2 plugin; trixie's docker-compose package is the v2 plugin (2.26), a static
# Go binary that runs on bookworm. Download the .deb with a throwaway apt configuration so the
# machine's own sources never gain trixie, and unpack only the plugin.
if docker compose version >/dev/null 2>&1; then
  log "compose plugin present: $(docker compose version --short 2>/dev/null || docker compose version)"
else
  log "installing the Compose v2 plugin from Debian trixie's docker-compose package"
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  mkdir -p "$work/sources.d" "$work/lists/partial" "$work/cache/archives/partial" "$work/deb"
  cat >"$work/sources.d/trixie.sources" <<'SOURCES'
Types: deb
URIs: http://deb.debian.org/debian
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SOURCES
  apt_trixie=(
    -o Dir::Etc::SourceList=/dev/null
    -o "Dir::Etc::SourceParts=$work/sources.d"
    -o "Dir::State::Lists=$work/lists"
    -o "Dir::Cache=$work/cache"
    -o Dir::State::status=/dev/null
    -o APT::Sandbox::User=root
  )
  apt-get "${apt_trixie[@]}" update -q
  (cd "$work/deb" && apt-get "${apt_trixie[@]}" download docker-compose)
  dpkg -x "$work"/deb/docker-compose_*.deb "$work/unpacked"
  install -D -m 0755 "$work/unpacked/usr/libexec/docker/cli-plugins/docker-compose" "$PLUGIN_DIR/docker-compose"
  rm -rf "$work"
  trap - EXIT
  docker compose version >/dev/null 2>&1 || die "docker compose version does not answer after installing $PLUGIN_DIR/docker-compose"
  log "compose plugin installed: $(docker compose version --short 2>/dev/null || true)"
fi

# --- 3. registry mirror in daemon.json ----------------------------------------------------------
mkdir -p "$(dirname "$DAEMON_JSON")"
had_daemon_json=yes
[ -s "$DAEMON_JSON" ] || { echo '{}' >"$DAEMON_JSON"; had_daemon_json=no; }
jq -e . "$DAEMON_JSON" >/dev/null || die "$DAEMON_JSON is not valid JSON; fix it by hand first"
# Our mirror goes first so the stand-ins answer before any other mirror; every other key stays as it was.
merged=$(jq --indent 2 --arg mirror "$MIRROR" \
  '.["registry-mirrors"] = ([$mirror] + ((.["registry-mirrors"] // []) | map(select(rtrimstr("/") != $mirror))))' \
  "$DAEMON_JSON")
if [ "$merged" != "$(jq --indent 2 . "$DAEMON_JSON")" ]; then
  if [ "$had_daemon_json" = yes ]; then
    cp "$DAEMON_JSON" "$DAEMON_JSON.before-dockside"
    log "saved the previous $DAEMON_JSON as $DAEMON_JSON.before-dockside"
  fi
  printf '%s\n' "$merged" >"$DAEMON_JSON.tmp"
  mv "$DAEMON_JSON.tmp" "$DAEMON_JSON"
  log "added $MIRROR to registry-mirrors in $DAEMON_JSON"
else
  log "$DAEMON_JSON already lists $MIRROR first"
fi

# --- 4. local registry ----------------------------------------------------------------------------
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

# --- 5. dockerd -----------------------------------------------------------------------------------
engine_answers() { timeout 10 docker info >/dev/null 2>&1; }
mirror_active() {
  timeout 10 docker info --format '{{range .RegistryConfig.Mirrors}}{{println .}}{{end}}' 2>/dev/null |
    grep -qxF "$MIRROR/"
}
dockerd_pid() {
  local pid
  pid=$(cat "$DOCKERD_PIDFILE" 2>/dev/null) && kill -0 "$pid" 2>/dev/null && echo "$pid"
}
start_dockerd() {
  log "starting dockerd (log: $DOCKERD_LOG)"
  # setsid: dockerd outlives this script and the shell that ran it.
  setsid dockerd </dev/null >>"$DOCKERD_LOG" 2>&1 &
  wait_for 60 "dockerd" engine_answers
}

if pid=$(dockerd_pid); then
  wait_for 60 "the running dockerd (pid $pid)" engine_answers
  if mirror_active; then
    log "dockerd (pid $pid) answers and uses the mirror"
  else
    # registry-mirrors is one of the options dockerd reloads on SIGHUP: no restart, no container stops.
    log "reloading dockerd (pid $pid) to pick up the registry mirror"
    kill -HUP "$pid"
    deadline=$((SECONDS + 10))
    until mirror_active || ((SECONDS >= deadline)); do sleep 0.5; done
    if ! mirror_active; then
      log "reload did not apply the mirror: restarting dockerd (running containers stop)"
      kill -TERM "$pid"
      wait_for 60 "stopping dockerd" bash -c "! kill -0 $pid 2>/dev/null"
      start_dockerd
    fi
  fi
elif engine_answers; then
  # An engine we did not start (another socket owner, rootless, DOCKER_HOST): leave it alone.
  mirror_active || die "an engine answers but dockerd's pidfile $DOCKERD_PIDFILE is missing, so this script cannot reload it; add \"registry-mirrors\": [\"$MIRROR\"] to its daemon.json and reload it yourself"
  log "an engine answers and uses the mirror"
else
  start_dockerd
fi
mirror_active || die "dockerd runs but does not list $MIRROR/ under Registry Mirrors (see $DOCKERD_LOG)"

log "ready: engine $(docker version --format '{{.Server.Version}}'), compose $(docker compose version --short 2>/dev/null), mirror $MIRROR"
