#!/bin/sh
# Like the official image's script of this name: every file ending in .template (NGINX_ENVSUBST_TEMPLATE_SUFFIX)
# under /etc/nginx/templates (NGINX_ENVSUBST_TEMPLATE_DIR) is written to the same relative path under
# /etc/nginx/conf.d (NGINX_ENVSUBST_OUTPUT_DIR) without the suffix, with each ${NAME} of a variable set in the
# container's environment replaced by its value. nginx's own variables ($host, $uri) stay as they are.
# NGINX_ENVSUBST_FILTER, a regular expression, limits which environment variables are replaced.
set -e

ME=$(basename "$0")
say() {
	if [ -z "${NGINX_ENTRYPOINT_QUIET_LOGS:-}" ]; then echo "$ME: $*"; fi
}

template_dir=${NGINX_ENVSUBST_TEMPLATE_DIR:-/etc/nginx/templates}
suffix=${NGINX_ENVSUBST_TEMPLATE_SUFFIX:-.template}
output_dir=${NGINX_ENVSUBST_OUTPUT_DIR:-/etc/nginx/conf.d}

[ -d "$template_dir" ] || exit 0
if [ ! -w "$output_dir" ]; then
	say "ERROR: $template_dir exists, but $output_dir is not writable"
	exit 0
fi

names=$(env | cut -d= -f1 | grep -E '^[A-Za-z_][A-Za-z0-9_]*$' | grep -E -- "${NGINX_ENVSUBST_FILTER:-.}" || true)
defined=$(for name in $names; do printf '${%s} ' "$name"; done)

find "$template_dir" -follow -type f -name "*$suffix" -print | sort | while read -r template; do
	relative=${template#"$template_dir"/}
	output="$output_dir/${relative%"$suffix"}"
	mkdir -p "$(dirname "$output")"
	say "Running envsubst on $template to $output"
	envsubst "$defined" <"$template" >"$output"
done
