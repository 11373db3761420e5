/**
 * The one way Dockside starts Chromium: for diagrams at build time, for browser tests and
 * screenshots. Playwright cannot download its own browser on our machines, so the system one is
 * used (Debian's `chromium`); DOCKSIDE_CHROMIUM points at another. The background-networking
 * flags keep Chromium from calling home, which a closed network answers with floods of errors.
 */
import type { Browser, BrowserType } from 'playwright-core';

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

export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return launchChromiumWith(chromium);
}

/**
 * For a module that imports playwright-core itself (src/diagrams/browserRenderer.ts explains why):
 * the same binary, flags and error.
 */
export async function launchChromiumWith(chromium: BrowserType): Promise<Browser> {
  try {
    return await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  } catch (error) {
    throw new Error(
      `Chromium at ${CHROMIUM_PATH} did not start (${(error as Error).message.split('\n')[0]}). ` +
        'Install Debian\'s "chromium" package, or set DOCKSIDE_CHROMIUM to a Chromium or Chrome binary.',
      { cause: error },
    );
  }
}
