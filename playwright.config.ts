/**
 * Browser tests (tests/browser/*.spec.ts) run against the built site: Playwright's webServer
 * builds it (`npm run build`, output in dist/) and serves dist/ with `astro preview` on 127.0.0.1
 * at a free port. Chromium is Debian's (tests/browser/chromium.ts): Playwright cannot download its own.
 *
 * Environment:
 * - DOCKSIDE_PREVIEW_PORT: serve on this port instead of a free one (outside CI an already running
 *   preview server on it is reused).
 * - DOCKSIDE_SKIP_BUILD=1: serve the dist/ that is there without building it first.
 */
import { availableParallelism } from 'node:os';
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './tests/browser/chromium.ts';
import { freePort } from './src/utils/freePort.ts';

// The config is loaded again in every worker: the runner picks the port once and the workers
// inherit it through the environment.
process.env['DOCKSIDE_PREVIEW_PORT'] ??= String(await freePort());
const port = Number(process.env['DOCKSIDE_PREVIEW_PORT']);
const baseURL = `http://127.0.0.1:${port}`;
const CI = Boolean(process.env['CI']);

// --ignore-lock: run in the foreground even when astro thinks an agent started it (it would
// otherwise detach into the background and Playwright would lose the server) or when another
// preview server of this project is running.
const serve = `npx --no-install astro preview --ignore-lock --host 127.0.0.1 --port ${port}`;

export default defineConfig({
  testDir: 'tests/browser',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  // Pages mostly wait on the browser: two workers keep a 2-CPU machine busy.
  workers: Math.max(2, Math.floor(availableParallelism() / 2)),
  forbidOnly: CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 5_000 },
  reporter: CI ? [['list'], ['html', { open: 'never' }]] : [['list']],
  use: {
    baseURL,
    browserName: 'chromium',
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
    colorScheme: 'light',
    locale: 'en-US',
    // Recording traces costs time on every test; ask for them with --trace=retain-on-failure.
    trace: 'off',
  },
  webServer: {
    command: process.env['DOCKSIDE_SKIP_BUILD'] ? serve : `npm run build && ${serve}`,
    url: `${baseURL}/en/`,
    reuseExistingServer: !CI,
    // A cold build renders every diagram in Chromium.
    timeout: 10 * 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 2_000 },
  },
});
