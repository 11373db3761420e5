#!/bin/sh
# mmdebstrap --customize-hook: Debian's nginx package arranged like the official nginx image, which installs
# nginx.org's package instead:
#   /etc/nginx/nginx.conf, conf.d/default.conf  nginx.org's layout: server on port 80 serving
#                                               /usr/share/nginx/html, workers run as the nginx user
#   /usr/share/nginx/html/index.html, 50x.html   the "Welcome to nginx!" page (shipped by Debian too) and
#                                               the error page
#   /var/log/nginx/access.log, error.log         links to /dev/stdout and /dev/stderr, so `docker logs`
#                                               shows them
#   /docker-entrypoint.d                         the folder the entrypoint runs scripts from
# Debian's own arrangement (sites-available, sites-enabled, /var/www/html, the init script) goes.
set -eu
root=$1

rm -rf "$root/etc/nginx/sites-available" "$root/etc/nginx/sites-enabled" "$root/etc/nginx/snippets" \
  "$root/etc/nginx/modules-available" "$root/etc/nginx/modules-enabled" "$root/etc/nginx/proxy_params" \
  "$root/var/www" "$root/etc/init.d/nginx" "$root/etc/logrotate.d/nginx" "$root/etc/default/nginx" \
  "$root/etc/ufw" "$root/usr/share/apport" "$root/usr/share/vim"
ln -sfn /usr/lib/nginx/modules "$root/etc/nginx/modules"

cat >"$root/etc/nginx/nginx.conf" <<'CONF'

user  nginx;
worker_processes  auto;

error_log  /var/log/nginx/error.log notice;
pid        /run/nginx.pid;


events {
    worker_connections  1024;
}


http {
    include       /etc/nginx/mime.types;
    default_type  application/octet-stream;

    log_format  main  '$remote_addr - $remote_user [$time_local] "$request" '
                      '$status $body_bytes_sent "$http_referer" '
                      '"$http_user_agent" "$http_x_forwarded_for"';

    access_log  /var/log/nginx/access.log  main;

    sendfile        on;
    #tcp_nopush     on;

    keepalive_timeout  65;

    #gzip  on;

    include /etc/nginx/conf.d/*.conf;
}
CONF

mkdir -p "$root/etc/nginx/conf.d"
cat >"$root/etc/nginx/conf.d/default.conf" <<'CONF'
server {
    listen       80;
    server_name  localhost;

    #access_log  /var/log/nginx/host.access.log  main;

    location / {
        root   /usr/share/nginx/html;
        index  index.html index.htm;
    }

    #error_page  404              /404.html;

    # redirect server error pages to the static page /50x.html
    #
    error_page   500 502 503 504  /50x.html;
    location = /50x.html {
        root   /usr/share/nginx/html;
    }
}
CONF

grep -q '<h1>Welcome to nginx!</h1>' "$root/usr/share/nginx/html/index.html" ||
  { echo "layout.sh: Debian's nginx-common no longer ships the welcome page" >&2; exit 1; }
cat >"$root/usr/share/nginx/html/50x.html" <<'HTML'
<!DOCTYPE html>
<html>
<head>
<title>Error</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>An error occurred.</h1>
<p>Sorry, the page you are looking for is currently unavailable.<br/>
Please try again later.</p>
<p>If you are the system administrator of this resource then you should check
the error log for details.</p>
<p><em>Faithfully yours, nginx.</em></p>
</body>
</html>
HTML

mkdir -p "$root/var/log/nginx" "$root/var/cache/nginx" "$root/docker-entrypoint.d"
ln -sf /dev/stdout "$root/var/log/nginx/access.log"
ln -sf /dev/stderr "$root/var/log/nginx/error.log"
