import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser } from 'playwright-core';

/** Screenshots and PDFs of the browser tests, kept for the reader of a CI run (not committed). */
export const ARTIFACTS = path.resolve(__dirname, '../../test-artifacts');

/** Debian's Chromium (apt-get install chromium), never a downloaded browser. */
export async function launchChromium(): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    // Root in a container has no user namespace for Chromium's sandbox.
    args: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
  });
}

export const artifact = (name: string): string => path.join(ARTIFACTS, name);
