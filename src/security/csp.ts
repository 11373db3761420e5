/**
 * The site's Content-Security-Policy and security headers: the one place they are written.
 *
 * - Every page carries the policy in a <meta http-equiv="Content-Security-Policy"> (BaseLayout.astro,
 *   pages/index.astro), for static hosts that cannot set headers (GitHub Pages).
 * - The container image's nginx sends it as a header, with the other security headers: the build
 *   writes them to dist/.nginx/security-headers.conf (securityHeadersIntegration below), which the
 *   Dockerfile copies into nginx's configuration. So the header and the meta come from this file.
 *
 * Scripts: only same-origin files ('self': Astro's bundles under /_astro/, the search bundle under
 * /pagefind/) and the inline theme script, allowed by its SHA-256 (computed here from the very string
 * the page writes). No 'unsafe-inline', no 'unsafe-eval', no other origin.
 * WebAssembly: 'wasm-unsafe-eval' lets the search (Pagefind, src/client/search.ts) compile its
 * same-origin .wasm; without it a policy with script-src refuses WebAssembly.instantiate. It allows
 * compiling WebAssembly only, not eval() or new Function(). Pagefind searches in a Web Worker
 * (pagefind-worker.js, allowed by script-src 'self', as worker-src falls back to it); a worker
 * follows the policy its own response carries, so the image's header needs it as much as the
 * page's <meta> (the page itself compiles it when the worker cannot start).
 * Styles: same-origin stylesheets, plus 'unsafe-inline' for styles only: Shiki colours code tokens
 * with style attributes (CSS custom properties) and every diagram is an inline <svg> with its own
 * <style>; neither can run code.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { AstroIntegration } from 'astro';
import { THEME_INIT_SCRIPT } from '../client/themeInit.ts';

/** Every inline <script> the site writes; each must be allowed by its hash. */
export const INLINE_SCRIPTS: readonly string[] = [THEME_INIT_SCRIPT];

/** The CSP source expression for an inline script: 'sha256-<base64 of the digest of its text>'. */
export function scriptHash(code: string): string {
  return `'sha256-${createHash('sha256').update(code, 'utf8').digest('base64')}'`;
}

/** Directive → sources. Order is kept when written out. */
const DIRECTIVES: [string, string[]][] = [
  ['default-src', ["'none'"]],
  ['script-src', ["'self'", "'wasm-unsafe-eval'", ...INLINE_SCRIPTS.map(scriptHash)]],
  ['style-src', ["'self'", "'unsafe-inline'"]],
  ['img-src', ["'self'"]],
  ['connect-src', ["'self'"]],
  ['base-uri', ["'none'"]],
  ['form-action', ["'none'"]],
  // Browsers ignore frame-ancestors in a <meta> policy (and say so in the console): header only.
  ['frame-ancestors', ["'none'"]],
];
const HEADER_ONLY = new Set(['frame-ancestors']);

const serialize = (directives: [string, string[]][]) =>
  directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');

/** The policy the server sends as a header. */
export const HEADER_CSP = serialize(DIRECTIVES);
/** The policy in every page's <meta http-equiv>: the header's, less what a meta policy cannot carry. */
export const META_CSP = serialize(DIRECTIVES.filter(([name]) => !HEADER_ONLY.has(name)));

/** What the image's server sends with every response. */
export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': HEADER_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy':
    'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** The headers as nginx `add_header` lines (`always`: on error responses too), for an `include`. */
export function nginxSecurityHeaders(): string {
  const lines = Object.entries(SECURITY_HEADERS).map(
    ([name, value]) => `add_header ${name} "${value.replace(/"/g, '\\"')}" always;`,
  );
  return `# Written by the build from src/security/csp.ts; do not edit.\n${lines.join('\n')}\n`;
}

/** Where the build writes the nginx include, relative to the built site. */
export const NGINX_HEADERS_FILE = '.nginx/security-headers.conf';

/** Writes the nginx include into the built site when the build is done. */
export function securityHeadersIntegration(): AstroIntegration {
  return {
    name: 'dockside:security-headers',
    hooks: {
      'astro:build:done': ({ dir }) => {
        const file = path.join(fileURLToPath(dir), NGINX_HEADERS_FILE);
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, nginxSecurityHeaders());
      },
    },
  };
}
