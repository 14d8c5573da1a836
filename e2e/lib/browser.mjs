import { chromium } from 'playwright-core';

/*
 * Debian's Chromium, never a downloaded browser, with flags that keep it off this machine's closed
 * network. playwright-core's launch() gives each browser a fresh temporary user-data-dir of its own.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchBrowser() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true });
}
