/**
 * `npm run bench:public-pages`: the public call pages on a slow connection, as a visitor's phone would load them —
 * a cold cache, Chromium throttled by the DevTools protocol to two connection profiles. For each page it prints
 * the time until the page shows its content (the list's first call card, or the call's title) and the bytes
 * that crossed the network, against a baseline measured in the same run: the same page with compression refused
 * (`Accept-Encoding: identity`), which is how the server answered before it sent precompressed bundles.
 *
 * Environment: BENCH_RUNS (default 5) loads per page, profile and variant; the median is printed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { buildWeb, webBuildIsStale } from '../src/cli/web-build.ts';
import { launchChromium } from '../test/helpers/chromium.ts';
import { spawnServer, stopServer, waitHealthy } from './server-process.ts';

/** Loads per page, profile and variant (BENCH_RUNS); the median is printed. */
export const runs = Number(process.env.BENCH_RUNS ?? 5);
/** Connection profiles: round-trip latency, and throughput in bytes per second. */
export const profiles = [
  { name: 'slow 3G (400 ms, 400 kbit/s)', latency: 400, throughput: 400_000 / 8 },
  { name: 'slow 4G (150 ms, 1.6 Mbit/s)', latency: 150, throughput: 1_600_000 / 8 },
];

/** One measured load: milliseconds until the content showed, and bytes received. */
export interface Load {
  ms: number;
  bytes: number;
}

/** The middle value (the upper one of an even count). */
export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * One load of `url` until `ready` shows, with the network throttled; bytes as received (encoded). Cold (the cache
 * cleared and disabled) unless `warm`, where the page's earlier visit in this context left its files cached.
 */
export async function load(
  page: Page,
  url: string,
  ready: string,
  profile: (typeof profiles)[number],
  compressed: boolean,
  warm = false,
): Promise<Load> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  if (!warm) {
    await cdp.send('Network.clearBrowserCache');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  }
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: profile.latency,
    downloadThroughput: profile.throughput,
    uploadThroughput: profile.throughput,
  });
  if (!compressed) await cdp.send('Network.setExtraHTTPHeaders', { headers: { 'Accept-Encoding': 'identity' } });
  let bytes = 0;
  cdp.on('Network.loadingFinished', (event: { encodedDataLength: number }) => (bytes += event.encodedDataLength));
  const started = performance.now();
  await page.goto(url, { waitUntil: 'commit' });
  await page.locator(ready).first().waitFor({ timeout: 120_000 });
  const ms = performance.now() - started;
  await page.waitForLoadState('networkidle');
  await cdp.detach();
  return { ms, bytes };
}

/** A page to measure: its row name, its address, and the selector that shows its content has arrived. */
export interface Target {
  name: string;
  url: string;
  ready: string;
  /** Prepares each fresh browser context, e.g. with a session cookie. */
  prepare?: (context: BrowserContext) => Promise<void>;
}

/** Prints the title line and the head of the table `measurePage` fills. */
export function printHeader(title: string): void {
  console.log(
    `${title}, cold cache, median of ${runs} loads (${new Date().toISOString()}, load ${os.loadavg()[0]!.toFixed(1)})\n`,
  );
  console.log('| page | connection | compressed: ready | bytes | identity: ready | bytes | time ratio | bytes ratio |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
}

/**
 * Measures one page on every profile, compressed and with compression refused, each load in a fresh phone-sized
 * context (so a cold cache), and prints one table row per profile.
 */
export async function measurePage(browser: Browser, target: Target): Promise<void> {
  for (const profile of profiles) {
    const measured: Record<'compressed' | 'identity', Load[]> = { compressed: [], identity: [] };
    for (let run = 0; run < runs; run++) {
      for (const variant of ['compressed', 'identity'] as const) {
        const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
        await target.prepare?.(context);
        const page = await context.newPage();
        measured[variant].push(await load(page, target.url, target.ready, profile, variant === 'compressed'));
        await context.close();
      }
    }
    const ms = (variant: 'compressed' | 'identity') => median(measured[variant].map((item) => item.ms));
    const kb = (variant: 'compressed' | 'identity') => median(measured[variant].map((item) => item.bytes)) / 1024;
    console.log(
      `| ${target.name} | ${profile.name} | ${(ms('compressed') / 1000).toFixed(2)} s | ${kb('compressed').toFixed(0)} kB | ` +
        `${(ms('identity') / 1000).toFixed(2)} s | ${kb('identity').toFixed(0)} kB | ` +
        `${(ms('compressed') / ms('identity')).toFixed(2)} | ${(kb('compressed') / kb('identity')).toFixed(2)} |`,
    );
  }
}

/**
 * A repeat visit: each run visits the page once unthrottled (filling the cache as a first visit does), then loads
 * it again throttled and measures that load; one row per profile, against the cold load of the same run.
 */
export async function measureRepeatVisit(browser: Browser, target: Target): Promise<void> {
  for (const profile of profiles) {
    const cold: Load[] = [];
    const warm: Load[] = [];
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
      await target.prepare?.(context);
      const page = await context.newPage();
      cold.push(await load(page, target.url, target.ready, profile, true));
      // The cold load disabled the cache for that page's session: a new page of the same context reads it.
      const again = await context.newPage();
      await again.goto(target.url);
      await again.locator(target.ready).first().waitFor({ timeout: 120_000 });
      await again.waitForLoadState('networkidle');
      warm.push(await load(again, target.url, target.ready, profile, true, true));
      await context.close();
    }
    const ms = (loads: Load[]) => median(loads.map((item) => item.ms));
    const kb = (loads: Load[]) => median(loads.map((item) => item.bytes)) / 1024;
    console.log(
      `| ${target.name} | ${profile.name} | ${(ms(warm) / 1000).toFixed(2)} s | ${kb(warm).toFixed(0)} kB | ` +
        `${(ms(cold) / 1000).toFixed(2)} s | ${kb(cold).toFixed(0)} kB | ${(ms(warm) / ms(cold)).toFixed(2)} |`,
    );
  }
}

async function main(): Promise<void> {
  if (webBuildIsStale()) await buildWeb();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-bench-public-'));
  const server = await spawnServer({ dataDir }, true);
  const browser = await launchChromium();
  try {
    await waitHealthy(server, performance.now());
    const calls = (await (await fetch(`${server.url}/api/public/calls`)).json()) as { items: { id: string }[] };
    const pages = [
      { name: '/calls (list)', url: `${server.url}/calls`, ready: '[data-testid=call-card]' },
      { name: '/calls/:id (one call)', url: `${server.url}/calls/${calls.items[0]!.id}`, ready: 'h1' },
    ];
    printHeader('Public pages');
    for (const target of pages) await measurePage(browser, target);
  } finally {
    await browser.close();
    await stopServer(server);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

// Run as a script only: bench/mission-pages.ts imports the helpers above.
if (path.resolve(process.argv[1] ?? '') === fileURLToPath(import.meta.url)) await main();
