#!/bin/sh
# Entrypoint of the nginx:1.30 stand-in. It does what the official image's /docker-entrypoint.sh does in
# every way a lesson can see:
#   - when the command is nginx (or nginx-debug) it first goes through /docker-entrypoint.d/ in version
#     order: runs each executable *.sh, sources each executable *.envsh (so it can set variables for the
#     scripts after it), and skips everything else
#   - it reports each step on stdout with the official image's wording, unless NGINX_ENTRYPOINT_QUIET_LOGS
#     is set to something
#   - then it execs the command, so nginx runs as PID 1 and receives `docker stop`'s SIGQUIT
set -e

say() {
	if [ -z "${NGINX_ENTRYPOINT_QUIET_LOGS:-}" ]; then echo "$@"; fi
}

if [ "$1" = nginx ] || [ "$1" = nginx-debug ]; then
	if [ -z "$(find /docker-entrypoint.d/ -mindepth 1 -maxdepth 1 -type f 2>/dev/null | head -n 1)" ]; then
		say "$0: No files found in /docker-entrypoint.d/, skipping configuration"
	else
		say "$0: /docker-entrypoint.d/ is not empty, will attempt to perform configuration"
		say "$0: Looking for shell scripts in /docker-entrypoint.d/"
		for script in $(find /docker-entrypoint.d/ -follow -type f | sort -V); do
			case "$script" in
				*.envsh | *.sh)
					if [ ! -x "$script" ]; then
						say "$0: Ignoring $script, not executable"
					elif [ "${script%.envsh}" != "$script" ]; then
						say "$0: Sourcing $script"
						. "$script"
					else
						say "$0: Launching $script"
						"$script"
					fi
					;;
				*) say "$0: Ignoring $script" ;;
			esac
		done
		say "$0: Configuration complete; ready for start up"
	fi
fi

exec "$@"
