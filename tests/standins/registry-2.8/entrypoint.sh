#!/bin/sh
# Entrypoint of the registry:2.8 stand-in. Like the official image's /entrypoint.sh, it lets the image's
# arguments name what to do and fills in the program:
#   a config file (*.yml, *.yaml)                  registry serve <file>   (the default command)
#   serve, garbage-collect, help, or an option     registry <arguments>
#   anything else                                  run as given
set -e

case "$1" in
	*.yml | *.yaml) set -- registry serve "$@" ;;
	serve | garbage-collect | help | -*) set -- registry "$@" ;;
esac

exec "$@"
