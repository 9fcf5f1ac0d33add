/**
 * `npm run bench:mission-pages`: the mission pages a host opens on its own, often unreliable, connection — the
 * knowledge-transfer survey behind a personal link (/survey/:token, no account) and the mission page of the hybrid
 * mission in progress signed in as the demo focal point (/missions/:id, until the sessions panel lists its
 * sessions). Same throttled Chromium, profiles and baseline (compression refused) as bench/public-pages.ts.
 *
 * The survey link is obtained as a respondent gets it: an admin adds a respondent to the demo's planned mission
 * (its `before` survey is due today), the server's own survey mailer sends it (its first run is three minutes
 * after start), and the link is read from the admin's outbox. Expect about three minutes of waiting first.
 *
 * Environment: BENCH_RUNS (default 5) loads per page, profile and variant; the median is printed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as OTPAuth from 'otpauth';
import type { BrowserContext } from 'playwright-core';
import { buildWeb, webBuildIsStale } from '../src/cli/web-build.ts';
import { demoPassword, demoTotpSecret } from '../src/demo/load.ts';
import { launchChromium } from '../test/helpers/chromium.ts';
import { measurePage, measureRepeatVisit, printHeader } from './public-pages.ts';
import { spawnServer, stopServer, waitHealthy, type ServerProcess } from './server-process.ts';

/** The server's API, signed in with `cookie` when given; throws on an unexpected status. */
async function call<T>(server: ServerProcess, method: string, url: string, cookie?: string, body?: unknown) {
  const response = await fetch(`${server.url}/api${url}`, {
    method,
    headers: {
      origin: server.url,
      ...(cookie ? { cookie } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status >= 300) throw new Error(`${method} ${url}: ${response.status} ${await response.text()}`);
  return { json: (await response.json()) as T, headers: response.headers };
}

/** Signs a demo account in; the session cookie as `name=value`. Staff accounts give their authenticator code. */
async function signIn(server: ServerProcess, email: string, totp = false): Promise<string> {
  const code = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(demoTotpSecret) }).generate();
  const { headers } = await call(server, 'POST', '/auth/login', undefined, {
    email,
    password: demoPassword,
    ...(totp ? { totp: code } : {}),
  });
  const cookie = headers.getSetCookie().find((line) => line.startsWith('passerelle_session='));
  if (!cookie) throw new Error(`no session cookie for ${email}`);
  return cookie.split(';')[0]!;
}

/** Adds a respondent to the planned demo mission and waits for the mailer's e-mail; the link's token. */
async function surveyToken(server: ServerProcess): Promise<string> {
  const admin = await signIn(server, 'admin@passerelle.example', true);
  const planned = await call<{ items: { id: string }[] }>(server, 'GET', '/missions?state=planned', admin);
  const email = `bench.respondent.${Date.now()}@host.example.org`;
  await call(server, 'POST', `/missions/${planned.json.items[0]!.id}/survey-respondents`, admin, {
    name: 'Salma Idrissi',
    email,
    locale: 'fr',
  });
  const deadline = performance.now() + 6 * 60_000;
  while (performance.now() < deadline) {
    const outbox = await call<{ items: { toAddress: string; textBody: string }[] }>(
      server,
      'GET',
      '/admin/outbox?pageSize=200',
      admin,
    );
    const mail = outbox.json.items.find((item) => item.toAddress === email);
    const token = mail && /\/survey\/([A-Za-z0-9_-]+)/.exec(mail.textBody)?.[1];
    if (token) return token;
    await new Promise((resolve) => setTimeout(resolve, 5_000));
  }
  throw new Error('the survey mailer sent no e-mail within six minutes');
}

/** The focal point's session, and the hybrid mission in progress they follow. */
async function hostMission(server: ServerProcess) {
  const cookie = await signIn(server, 'focal.point@passerelle.example');
  const missions = await call<{ items: { id: string; modality: string }[] }>(
    server,
    'GET',
    '/missions?state=in_progress',
    cookie,
  );
  const mission = missions.json.items.find((item) => item.modality !== 'on_site');
  if (!mission) throw new Error('the focal point sees no online or hybrid mission in progress');
  return { cookie, missionId: mission.id };
}

async function main(): Promise<void> {
  if (webBuildIsStale()) await buildWeb();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-bench-missions-'));
  const server = await spawnServer({ dataDir }, true);
  const browser = await launchChromium();
  try {
    await waitHealthy(server, performance.now());
    const host = await hostMission(server);
    console.error('Waiting for the survey mailer’s first run (three minutes after start)…');
    const token = await surveyToken(server);
    const [name, value] = host.cookie.split('=') as [string, string];
    const signedIn = (context: BrowserContext) => context.addCookies([{ name, value, url: server.url }]);
    printHeader('Mission pages');
    await measurePage(browser, {
      name: '/survey/:token (survey form)',
      url: `${server.url}/survey/${token}`,
      ready: 'form button[type=submit]',
    });
    await measurePage(browser, {
      name: '/missions/:id (host, sessions)',
      url: `${server.url}/missions/${host.missionId}`,
      ready: '[data-testid=session]',
      prepare: signedIn,
    });
    // A host opens the mission page again and again (attendance after each session): the files stay cached.
    console.log('\nRepeat visit of the mission page, files cached by an earlier visit (median of runs)\n');
    console.log('| page | connection | repeat: ready | bytes | cold: ready | bytes | time ratio |');
    console.log('| --- | --- | --- | --- | --- | --- | --- |');
    await measureRepeatVisit(browser, {
      name: '/missions/:id (host, sessions)',
      url: `${server.url}/missions/${host.missionId}`,
      ready: '[data-testid=session]',
      prepare: signedIn,
    });
  } finally {
    await browser.close();
    await stopServer(server);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
