#!/bin/sh
# mmdebstrap --customize-hook shared by the Debian-based stand-ins: makes the rootfs look like the
# official debian:<suite>-slim images the official redis and python images are built on.
#   - apt sources in deb822 form at /etc/apt/sources.list.d/debian.sources, as the official images have
#   - the slim images' dpkg filter, so a later apt-get install inside a container stays slim too
#   - no documentation, manual pages, locales, logs or host files (resolv.conf, hostname) in the image
# mmdebstrap itself removes the apt package lists and the package cache afterwards.
set -eu
root=$1
codename=$(. "$root/etc/os-release" && echo "$VERSION_CODENAME")

rm -f "$root/etc/apt/sources.list"
cat >"$root/etc/apt/sources.list.d/debian.sources" <<SOURCES
Types: deb
URIs: http://deb.debian.org/debian
Suites: $codename $codename-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: http://deb.debian.org/debian-security
Suites: $codename-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SOURCES

# mmdebstrap's --dpkgopt file becomes the image's permanent slim filter, under the name the official
# slim images use.
if [ -f "$root/etc/dpkg/dpkg.cfg.d/99mmdebstrap" ]; then
  mv "$root/etc/dpkg/dpkg.cfg.d/99mmdebstrap" "$root/etc/dpkg/dpkg.cfg.d/docker"
fi

# Essential packages are unpacked before dpkg's filter applies, so their documentation is still here.
find "$root/usr/share/doc" -mindepth 1 -not -name copyright -not -type d -delete 2>/dev/null || true
find "$root/usr/share/doc" -mindepth 1 -type d -empty -delete 2>/dev/null || true
rm -rf "$root/usr/share/man/"* "$root/usr/share/info/"* "$root/usr/share/locale/"* \
  "$root/usr/share/lintian" "$root/usr/share/linda"
rm -rf "$root/var/log/apt/"* "$root/var/cache/debconf/"*-old "$root/var/cache/ldconfig/aux-cache"
rm -f "$root/var/log/dpkg.log" "$root/var/log/alternatives.log" "$root/var/log/bootstrap.log"
# Docker writes these at run time; the host's copies must not end up in an image.
rm -f "$root/etc/resolv.conf" "$root/etc/hostname"
