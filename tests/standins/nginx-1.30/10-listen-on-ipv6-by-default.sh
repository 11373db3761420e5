#!/bin/sh
# Like the official image's script of this name: when the kernel has IPv6 and
# /etc/nginx/conf.d/default.conf is still the image's own, it adds `listen  [::]:80;` to it, so the default
# server answers on IPv6 too. A changed, replaced or read-only default.conf is left alone.
set -e

ME=$(basename "$0")
say() {
	if [ -z "${NGINX_ENTRYPOINT_QUIET_LOGS:-}" ]; then echo "$ME: info: $*"; fi
}

conf=/etc/nginx/conf.d/default.conf
# sha256 of default.conf as layout.sh writes it (the contract test fails when the two drift apart).
image_checksum=c1f1e1276dc126b29470e323d1a9786e06f330f547245073710ffa8c4f29d19d

if [ ! -f /proc/net/if_inet6 ]; then
	say "ipv6 not available"
	exit 0
fi
if [ ! -f "$conf" ]; then
	say "$conf is not a file or does not exist"
	exit 0
fi
if ! touch "$conf" 2>/dev/null; then
	say "can not modify $conf (read-only file system?)"
	exit 0
fi
if grep -q 'listen  \[::\]:80;' "$conf"; then
	say "IPv6 listen already enabled"
	exit 0
fi
say "Getting the checksum of $conf"
if [ "$(sha256sum <"$conf" | cut -d' ' -f1)" != "$image_checksum" ]; then
	say "$conf differs from the packaged version"
	exit 0
fi
sed -i -E 's/^([[:space:]]*)listen       80;$/&\n\1listen  [::]:80;/' "$conf"
say "Enabled listen on IPv6 in $conf"
