#!/bin/sh
# mmdebstrap --customize-hook for the python stand-ins: the official image's commands in /usr/local/bin
# (python, python3, python3.X, pydoc, pydoc3), pointing at Debian's interpreter.
set -eu
root=$1
minor=$(basename "$(readlink -f "$root/usr/bin/python3")")
[ -x "$root/usr/bin/$minor" ] || { echo "python-layout.sh: no interpreter behind /usr/bin/python3" >&2; exit 1; }
ln -sf "/usr/bin/$minor" "$root/usr/local/bin/$minor"
ln -sf "$minor" "$root/usr/local/bin/python3"
ln -sf python3 "$root/usr/local/bin/python"
if [ -e "$root/usr/bin/pydoc${minor#python}" ]; then
  ln -sf "/usr/bin/pydoc${minor#python}" "$root/usr/local/bin/pydoc3"
  ln -sf pydoc3 "$root/usr/local/bin/pydoc"
fi
