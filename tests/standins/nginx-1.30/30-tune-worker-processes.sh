#!/bin/sh
# Like the official image's script of this name: with NGINX_ENTRYPOINT_WORKER_PROCESSES_AUTOTUNE set, it
# sets `worker_processes` in /etc/nginx/nginx.conf to the number of CPUs the container may use (its cgroup
# CPU limit, or the CPUs it may run on) instead of `auto`, which counts all of the host's.
set -e

ME=$(basename "$0")
say() {
	if [ -z "${NGINX_ENTRYPOINT_QUIET_LOGS:-}" ]; then echo "$ME: $*"; fi
}

[ -n "${NGINX_ENTRYPOINT_WORKER_PROCESSES_AUTOTUNE:-}" ] || exit 0

cpus=$(nproc)
if [ -r /sys/fs/cgroup/cpu.max ]; then
	read -r quota period </sys/fs/cgroup/cpu.max
	if [ "$quota" != max ]; then
		limit=$(((quota + period - 1) / period))
		if [ "$limit" -lt "$cpus" ]; then cpus=$limit; fi
	fi
fi

if ! touch /etc/nginx/nginx.conf 2>/dev/null; then
	say "info: can not modify /etc/nginx/nginx.conf (read-only file system?)"
	exit 0
fi
sed -i -E "s/^([[:space:]]*worker_processes[[:space:]]+)[^;]*;/\1$cpus;/" /etc/nginx/nginx.conf
