#!/bin/bash
# Entrypoint of the redis:8 stand-in. It does what the official image's docker-entrypoint.sh does in
# every way a lesson can see:
#   - a first argument that is an option (`--port 7000`) or a config file (`redis.conf`) is an argument
#     to redis-server: `docker run redis:8 --port 7000` runs `redis-server --port 7000`
#   - redis-server started as root hands the working directory (/data) to the redis user and re-runs
#     this script as redis; any other command runs as given (as root, or as --user)
#   - redis-server runs with umask 0077 unless a different umask was set
#   - it prints "Starting Redis Server" before starting the server
# and one thing the official image compiles into its redis-server: protected mode is off by default.
# Debian's redis-server has it on, which would refuse clients from other containers; so this script
# passes `--protected-mode no` first among the options, where a config file or a later
# `--protected-mode yes` still overrides it.
set -e

# `docker run redis:8 --appendonly yes`, `docker run redis:8 /usr/local/etc/redis/redis.conf`
if [ "${1#-}" != "$1" ] || [ "${1%.conf}" != "$1" ]; then
	set -- redis-server "$@"
fi

# Is the command the Redis server binary (by any name or path that leads to it)?
runs_redis_binary() {
	local found
	found=$(command -v "$1" 2>/dev/null) || return 1
	[ "$(readlink -f "$found")" = "$(readlink -f /usr/local/bin/redis-server)" ]
}

if runs_redis_binary "$1" && [ "$(id -u)" = 0 ]; then
	find . \! -user redis -exec chown redis '{}' +
	exec setpriv --reuid=redis --regid=redis --clear-groups -- "$0" "$@"
fi

if [ "$(umask)" = 0022 ]; then
	umask 0077
fi

if [ "$(basename -- "$1")" = redis-server ]; then
	case "${2-}" in
		-v | --version | -h | --help | --test-memory | --check-system)
			# Informational runs take no other options; pass them through untouched.
			;;
		'' | -?*)
			echo "Starting Redis Server"
			set -- "$1" --protected-mode no "${@:2}"
			;;
		*)
			# A config file (or "-" for stdin) must stay the first argument.
			echo "Starting Redis Server"
			set -- "$1" "$2" --protected-mode no "${@:3}"
			;;
	esac
fi

exec "$@"
