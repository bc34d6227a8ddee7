// @ts-check
// Finds a Chromium for Playwright: its own download where installed, else the system's.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

/** Flags for a headless Chromium on a closed network, as root, without a GPU. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

/**
 * The Chromium executable to launch: Playwright's own build where installed (undefined lets
 * Playwright use it), else CHROMIUM_PATH, else /usr/bin/chromium; null when there is none.
 * @returns {{ executablePath: string | undefined, source: string } | null}
 */
export function findBrowser() {
  try {
    const own = chromium.executablePath();
    if (own && existsSync(own)) return { executablePath: undefined, source: `Playwright's Chromium (${own})` };
  } catch {
    // Playwright has no browser of its own here: fall through to the system's.
  }
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  for (const path of candidates) {
    if (path && existsSync(path)) return { executablePath: path, source: path };
  }
  return null;
}
