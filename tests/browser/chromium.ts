// Browser tests start Chromium the way the build does.
export { CHROMIUM_ARGS, CHROMIUM_PATH, launchChromium } from '../../src/utils/chromium.ts';
