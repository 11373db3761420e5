#!/bin/sh
# mmdebstrap --essential-hook: creates the redis user and group with the official image's IDs (999) before
# redis-server's maintainer script runs; that script keeps an existing system user. Files on volumes
# then carry the same owner as with the official image.
set -eu
root=$1
grep -q '^redis:' "$root/etc/group" || echo 'redis:x:999:' >>"$root/etc/group"
grep -q '^redis:' "$root/etc/passwd" || echo 'redis:x:999:999::/home/redis:/bin/sh' >>"$root/etc/passwd"
if [ -f "$root/etc/shadow" ] && ! grep -q '^redis:' "$root/etc/shadow"; then
  echo 'redis:!:::::::' >>"$root/etc/shadow"
fi
if [ -f "$root/etc/gshadow" ] && ! grep -q '^redis:' "$root/etc/gshadow"; then
  echo 'redis:!::' >>"$root/etc/gshadow"
fi
