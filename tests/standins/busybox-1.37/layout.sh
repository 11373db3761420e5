#!/bin/sh
# mmdebstrap --extract-hook: turns the unpacked busybox-static package into the official busybox image's
# layout: /bin/busybox with a hard link for every applet in /bin, a small /etc, and nothing from Debian's
# packaging. Runs outside the chroot (extract has no /proc inside), so it calls the binary directly.
set -eu
root=$1

mkdir -p "$root/bin"
mv "$root/usr/bin/busybox" "$root/bin/busybox"
rm -rf "$root/usr" "$root/var" "$root/etc/apt" "$root/etc/dpkg" "$root/etc/fstab" "$root/etc/resolv.conf" \
  "$root/etc/hostname"
mkdir -p "$root/usr/sbin"

for applet in $("$root/bin/busybox" --list); do
  [ "$applet" = busybox ] || ln -f "$root/bin/busybox" "$root/bin/$applet"
done

mkdir -p "$root/root" "$root/home" "$root/var/spool/mail" "$root/var/www" "$root/tmp"
chmod 0700 "$root/root"
chmod 1777 "$root/tmp"
# The official image ships the same small set of system accounts.
cat >"$root/etc/passwd" <<'PASSWD'
root:x:0:0:root:/root:/bin/sh
daemon:x:1:1:daemon:/usr/sbin:/bin/false
bin:x:2:2:bin:/bin:/bin/false
sys:x:3:3:sys:/dev:/bin/false
sync:x:4:100:sync:/bin:/bin/sync
mail:x:8:8:mail:/var/spool/mail:/bin/false
www-data:x:33:33:www-data:/var/www:/bin/false
operator:x:37:37:Operator:/var:/bin/false
nobody:x:65534:65534:nobody:/home:/bin/false
PASSWD
cat >"$root/etc/group" <<'GROUP'
root:x:0:
daemon:x:1:
bin:x:2:
sys:x:3:
adm:x:4:
tty:x:5:
disk:x:6:
wheel:x:10:root
mail:x:8:
www-data:x:33:
operator:x:37:
users:x:100:
nogroup:x:65534:
GROUP
cut -d: -f1 "$root/etc/passwd" | sed 's/$/:*:::::::/' >"$root/etc/shadow"
chmod 0640 "$root/etc/shadow"
