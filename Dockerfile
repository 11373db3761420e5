# The Dockside site as a container image: nginx serving the built site.
#
#   npm run build                       # the site in dist/ (needs Node 22 and a Chromium: see README)
#   docker build -t dockside .
#   docker run --rm -p 127.0.0.1:8080:8080 dockside                        # http://127.0.0.1:8080/
#   docker run --rm --read-only --tmpfs /tmp -p 127.0.0.1:8080:8080 dockside   # read-only root filesystem
#
# The image takes the dist/ that `npm run build` made rather than building the site itself: the
# build needs the npm registry and a Chromium (diagrams render in a headless browser), which a
# build stage on CI can reach neither of. `npm test` (test:image) builds this image from the dist/
# the checks just built and tests it on the engine.
FROM nginx:1.30

# Our nginx.conf replaces the image's (port 8080, no root, everything written under /tmp), and the
# security headers the build wrote from src/security/csp.ts go beside it.
COPY site-image/nginx.conf /etc/nginx/nginx.conf
COPY dist/.nginx/security-headers.conf /etc/nginx/security-headers.conf
COPY dist/ /srv/dockside/

# The image's default server and page are not ours; the headers include is not a page; every text
# file gets a .gz beside it for gzip_static. Then nginx checks the configuration.
RUN rm -rf /etc/nginx/conf.d/default.conf /usr/share/nginx/html /srv/dockside/.nginx \
 && find /srv/dockside -type f \( -name '*.html' -o -name '*.css' -o -name '*.js' -o -name '*.svg' \
      -o -name '*.xml' -o -name '*.txt' \) -exec gzip -9 -k -n {} + \
 && nginx -t \
 && rm -rf /tmp/*

# nginx's own unprivileged user (uid 101 in the nginx image).
USER 101:101
EXPOSE 8080
STOPSIGNAL SIGQUIT
HEALTHCHECK --interval=30s --timeout=3s --start-period=5s --retries=3 \
  CMD ["curl", "-fsS", "-o", "/dev/null", "http://127.0.0.1:8080/healthz"]
# nginx directly: the image's entrypoint scripts rewrite files under /etc/nginx, which a read-only
# root filesystem does not allow and this configuration does not need.
ENTRYPOINT ["nginx", "-g", "daemon off;"]
CMD []
