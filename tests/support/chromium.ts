/**
 * Debian's Chromium for browser tests (never a downloaded browser). Without it, a local run
 * skips browser tests with a loud warning; under CI=true its absence is an error.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

const isCI = () => process.env.CI === 'true' || process.env.CI === '1';

/** True when browser tests can run; throws under CI when Chromium is missing. */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;
  if (isCI()) {
    throw new Error(`${CHROMIUM_PATH} is missing but CI is set: install it with \`apt-get install -y chromium fonts-noto-cjk\` (.ci/run does).`);
  }
  console.warn(
    [
      '',
      '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',
      `!! ${CHROMIUM_PATH} not found: SKIPPING browser tests.`,
      '!! Install it with: apt-get install -y chromium fonts-noto-cjk',
      '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',
      '',
    ].join('\n'),
  );
  return false;
}

/** Launches headless Chromium, or returns null (after a loud warning) when it is absent outside CI. */
export async function launchChromium(): Promise<Browser | null> {
  if (!chromiumAvailable()) return null;
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}
