/**
 * How Dockside starts Chromium everywhere (browser tests, screenshots): Playwright cannot
 * download its own browser on our machines, so we use the system one. DOCKSIDE_CHROMIUM
 * points elsewhere; the background-networking flags keep Chromium from calling home.
 */
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.DOCKSIDE_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}
