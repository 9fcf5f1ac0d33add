import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import * as OTPAuth from 'otpauth';
import type { Page } from 'playwright-core';
import { inject } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { demoPassword, demoTotpSecret } from '../../src/demo/load.ts';
import { startServer, type RunningServer } from '../../src/server.ts';

export { chromiumFlags, launchChromium } from './chromium.ts';

/** The run's prepared demo data directory (test/browser/global-setup.ts), if any. */
function preparedDemoDataDir(): string | undefined {
  try {
    return inject('browserDemoDataDir') || undefined;
  } catch {
    return undefined;
  }
}

/**
 * The real server, with the demo data, on a free port and a throw-away embedded database (a copy of the run's
 * prepared one when there is one). `env` adds to (or
 * overrides) the configuration's variables, e.g. `{ SMTP_URL: peer.url }` to deliver the outbox to a test peer.
 */
export async function startDemoServer(
  env: Record<string, string> = {},
): Promise<RunningServer & { cleanup(): Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-browser-'));
  const prepared = preparedDemoDataDir();
  if (prepared) fs.cpSync(prepared, dataDir, { recursive: true });
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    PASSERELLE_DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    ...env,
  });
  const server = await startServer(config, { demoIfEmpty: true });
  const address = server.app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const url = `http://127.0.0.1:${port}`;
  server.app.ctx.config.publicUrl = url;
  return {
    ...server,
    url,
    async cleanup() {
      await server.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** One demo account per role, with the level-1 heading its home shows in French. */
export const demoRoles = [
  { role: 'admin', email: 'admin@passerelle.example', staff: true, heading: 'Administration de la plateforme' },
  {
    role: 'programme_officer',
    email: 'officer@passerelle.example',
    staff: true,
    heading: 'Espace chargé de programme',
  },
  { role: 'me_officer', email: 'me@passerelle.example', staff: true, heading: 'Espace suivi-évaluation' },
  { role: 'focal_point', email: 'focal.point@passerelle.example', staff: false, heading: 'Espace point focal' },
  { role: 'expert', email: 'expert@passerelle.example', staff: false, heading: 'Espace expert' },
  { role: 'donor', email: 'donor@passerelle.example', staff: false, heading: 'Espace bailleur' },
] as const;

/** The current code of the demo staff's authenticator, as a phone would show it. */
export function demoTotp(): string {
  return new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(demoTotpSecret) }).generate();
}

/** Signs in through the form, typing the authenticator code when the server asks for it. */
export async function signInThroughUi(page: Page, baseUrl: string, email: string, staff: boolean): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.fill('input[name=email]', email);
  await page.fill('input[name=password]', demoPassword);
  await page.click('button[type=submit]');
  if (staff) {
    await page.waitForSelector('input[name=totp]');
    await page.fill('input[name=totp]', demoTotp());
    await page.click('button[type=submit]');
  }
  await page.waitForURL(`${baseUrl}/`);
}

/** Picks a language in the header's switcher and waits until `<html>` reflects it. */
export async function switchLanguage(page: Page, locale: 'fr' | 'ar' | 'en' | 'nl'): Promise<void> {
  await page.getByRole('banner').getByTestId('language-switcher').selectOption(locale);
  await page.waitForFunction((expected) => document.documentElement.lang === expected, locale);
}

/** Serious and critical axe-core violations on the page as it is now, summarised for a readable failure. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.nodes
          .slice(0, 3)
          .map((node) => node.target.join(' '))
          .join(' | ')}`,
    );
}
