#!/usr/bin/env bash
# Started by setup-engine.sh inside a new mount namespace (`unshare --mount`): makes the engine's root
# filesystem the root of this namespace, with the host folders a lesson may bind-mount visible at their
# own paths, and replaces itself with dockerd.
#
# Why pivot_root and not chroot: runc builds each container's mounts from its own root. Under a chroot the
# namespace's root is still the host's /, and `docker exec` (which enters a container's mount namespace)
# landed in the host's / instead of the container's WORKDIR. With pivot_root the rootfs *is* the root.
#
#   enter-rootfs.sh <rootfs> <host folder>...
set -euo pipefail
root=$1
shift

mount --make-rprivate / # nothing mounted here leaks back to the host
mount --bind "$root" "$root" # pivot_root needs the new root to be a mount point
mount --rbind /proc "$root/proc"
mount --rbind /sys "$root/sys"
mount --rbind /dev "$root/dev"
for dir in "$@"; do
  [ -d "$dir" ] || continue
  mkdir -p "$root$dir"
  mount --rbind "$dir" "$root$dir"
done
cd "$root"
mkdir -p .host
pivot_root . .host
cd /
umount --lazy /.host
# /run is a plain folder of the rootfs, so the host sees the socket at <rootfs>/run/docker.sock.
exec /usr/sbin/dockerd -H unix:///run/docker.sock -p /run/docker.pid
