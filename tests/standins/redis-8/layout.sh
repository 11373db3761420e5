#!/bin/sh
# mmdebstrap --customize-hook: the official image's paths on top of Debian's redis packages.
#   /usr/local/bin/redis-*  the official image installs Redis there; here they point at Debian's binaries
#   /data                   working directory and data volume, owned by redis
set -eu
root=$1
for tool in redis-server redis-cli redis-benchmark redis-check-aof redis-check-rdb; do
  ln -sf "/usr/bin/$tool" "$root/usr/local/bin/$tool"
done
mkdir -p "$root/data"
chown 999:999 "$root/data"
# Debian's packaging for a system service (init script, logrotate, sysctl) has no use in a container.
rm -rf "$root/etc/init.d/redis-server" "$root/etc/logrotate.d/redis-server"
