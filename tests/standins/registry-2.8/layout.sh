#!/bin/sh
# mmdebstrap --customize-hook: Debian's docker-registry package (Distribution 2.8) arranged like the official
# registry:2.8 image:
#   /bin/registry                     the program under the official image's name
#   /etc/docker/registry/config.yml   listens on :5000, stores in /var/lib/registry, no authentication
#                                     (Debian's own config asks for an htpasswd login)
#   /var/lib/registry                 the storage folder (a volume)
# Debian's service arrangement (init script, the docker-registry user's folder, the empty htpasswd) goes.
set -eu
root=$1

ln -sf docker-registry "$root/usr/bin/registry"
rm -rf "$root/etc/init.d/docker-registry" "$root/etc/docker/registry/htpasswd" "$root/var/lib/docker-registry"
mkdir -p "$root/var/lib/registry"
cat >"$root/etc/docker/registry/config.yml" <<'CONF'
version: 0.1
log:
  fields:
    service: registry
storage:
  cache:
    blobdescriptor: inmemory
  filesystem:
    rootdirectory: /var/lib/registry
http:
  addr: :5000
  headers:
    X-Content-Type-Options: [nosniff]
health:
  storagedriver:
    enabled: true
    interval: 10s
    threshold: 3
CONF
