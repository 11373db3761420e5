#!/bin/sh
# mmdebstrap --essential-hook: creates the nginx user and group with the official image's IDs (101) before
# any package is installed, so no package takes those IDs. Files the server writes on volumes then carry the
# same owner as with the official image.
set -eu
root=$1
grep -q '^nginx:' "$root/etc/group" || echo 'nginx:x:101:' >>"$root/etc/group"
grep -q '^nginx:' "$root/etc/passwd" ||
  echo 'nginx:x:101:101:nginx user:/nonexistent:/bin/false' >>"$root/etc/passwd"
if [ -f "$root/etc/shadow" ] && ! grep -q '^nginx:' "$root/etc/shadow"; then
  echo 'nginx:!:::::::' >>"$root/etc/shadow"
fi
if [ -f "$root/etc/gshadow" ] && ! grep -q '^nginx:' "$root/etc/gshadow"; then
  echo 'nginx:!::' >>"$root/etc/gshadow"
fi
