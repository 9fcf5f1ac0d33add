/**
 * `npm run bench:allocation`: the allocation core on (a) a large ordinary round and (b) heavy competition
 * (bench/allocation-instances.ts). For each: in-process p50/p95 and peak memory (in a fresh child process), the whole
 * `passerelle allocate` process (JSON in and out), the HiGHS LP on the same instance and the ratio, each exact
 * solver alone (the alternatives of docs/decisions/0010-allocation-algorithm.md), and the greedy baseline.
 *
 * Environment: BENCH_HIGHS_SECONDS caps each HiGHS solve (default 60).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { solveByCostScaling } from '../src/matching/allocation/cost-scaling.ts';
import { allocate, allocateGreedily, type AllocationInstance } from '../src/matching/allocation/index.ts';
import { solveWithHighs } from '../src/matching/allocation/lp-reference.test-helper.ts';
import { solveByShortestPaths } from '../src/matching/allocation/shortest-paths.ts';
import { indexRound } from '../src/matching/allocation/validate.ts';
import { competitiveRound, ordinaryRound } from './allocation-instances.ts';

const instances: Record<string, { label: string; make: () => AllocationInstance; runs: number }> = {
  a: { label: '(a) 10,000 experts × 1,000 ToRs, 50,000 edges', make: () => ordinaryRound(1), runs: 20 },
  b: { label: '(b) heavy competition, 10,000 ToRs, 500,000 edges', make: () => competitiveRound(2), runs: 10 },
};
const bin = fileURLToPath(new URL('../bin/passerelle.js', import.meta.url));
const self = fileURLToPath(import.meta.url);
const highsSeconds = Number(process.env.BENCH_HIGHS_SECONDS ?? 60);

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;

/** Child mode: times `allocate` in a fresh process, so that its peak memory is the round's and the solver's. */
function worker(name: string): void {
  const { make, runs } = instances[name]!;
  const instance = make();
  const times: number[] = [];
  let heapPeak = 0;
  for (let run = -2; run < runs; run++) {
    const startedAt = performance.now();
    allocate(instance);
    if (run >= 0) times.push(performance.now() - startedAt);
    heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
  }
  // resourceUsage().maxRSS is in kilobytes.
  const maxRss = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(JSON.stringify({ times, maxRss, heapPeak }));
}

function run(command: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Milliseconds of each of `count` calls to `solve`. */
function timed(count: number, solve: () => unknown): number[] {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const startedAt = performance.now();
    solve();
    times.push(performance.now() - startedAt);
  }
  return times;
}

async function measure(name: string, directory: string): Promise<void> {
  const { label, make, runs } = instances[name]!;
  console.log(`\n${label}`);
  const instance = make();
  const input = path.join(directory, `${name}.json`);
  const output = path.join(directory, `${name}.result.json`);
  fs.writeFileSync(input, JSON.stringify(instance));
  console.log(`  input file: ${mb(fs.statSync(input).size)}`);

  const child = await run(process.execPath, ['--import', 'tsx', self, '--worker', name]);
  if (child.code !== 0) throw new Error(`worker failed: ${child.stderr}`);
  const inProcess = JSON.parse(child.stdout) as { times: number[]; maxRss: number; heapPeak: number };
  console.log(
    `  in-process allocate (validation included), ${runs} runs: p50 ${ms(percentile(inProcess.times, 50))}, ` +
      `p95 ${ms(percentile(inProcess.times, 95))}; peak RSS ${mb(inProcess.maxRss)}, peak heap used ${mb(inProcess.heapPeak)}`,
  );

  const processTimes: number[] = [];
  for (let i = 0; i < 5; i++) {
    const startedAt = performance.now();
    const cli = await run(process.execPath, [bin, 'allocate', '--input', input, '--output', output]);
    processTimes.push(performance.now() - startedAt);
    if (cli.code !== 0) throw new Error(`passerelle allocate failed: ${cli.stderr}`);
  }
  const cliMedian = percentile(processTimes, 50);
  console.log(`  whole \`passerelle allocate\` process (JSON in and out), median of 5: ${ms(cliMedian)}`);
  const startup = [];
  for (let i = 0; i < 3; i++) {
    const startedAt = performance.now();
    await run(process.execPath, [bin, 'allocate', '--help']);
    startup.push(performance.now() - startedAt);
  }
  console.log(`    of which start-up (node + tsx, \`allocate --help\`), median of 3: ${ms(percentile(startup, 50))}`);

  const exact = allocate(instance);
  const reference = await solveWithHighs(instance, highsSeconds);
  const agree =
    reference.status === 'optimal'
      ? reference.filled === exact.filled && Math.abs(reference.total - exact.total) < 1e-6
        ? 'same optimum'
        : `DIFFERENT optimum: ${reference.filled} / ${reference.total}`
      : `stopped at the ${highsSeconds} s limit per solve`;
  console.log(`  HiGHS LP (two solves, model building included): ${ms(reference.milliseconds)}, ${agree}`);
  console.log(
    `  ratio whole process ÷ HiGHS: ${(cliMedian / reference.milliseconds).toFixed(3)}` +
      `${reference.status === 'optimal' ? '' : ' (HiGHS did not finish: an upper bound)'}; ` +
      `in-process p50 ÷ HiGHS: ${(percentile(inProcess.times, 50) / reference.milliseconds).toFixed(4)}`,
  );

  const round = indexRound(instance);
  const scaling = timed(3, () => solveByCostScaling(round));
  const paths = timed(name === 'a' ? 3 : 1, () => solveByShortestPaths(round));
  console.log(
    `  each exact solver alone (validation excluded): cost scaling ${scaling.map(ms).join(', ')}; ` +
      `shortest paths ${paths.map(ms).join(', ')}`,
  );
  const greedy = allocateGreedily(instance);
  console.log(`  exact:  filled ${exact.filled}, total ${exact.total}`);
  console.log(
    `  greedy: filled ${greedy.filled}, total ${greedy.total} ` +
      `(${(exact.filled - greedy.filled).toString()} slots and ${(exact.total - greedy.total).toFixed(4)} score fewer)`,
  );
}

async function main(): Promise<void> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-bench-allocation-'));
  const loadBefore = os.loadavg()[0]!;
  try {
    console.log(`Allocation benchmark, ${new Date().toISOString()}`);
    console.log(`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`);
    for (const name of Object.keys(instances)) await measure(name, directory);
  } finally {
    fs.rmSync(directory, { recursive: true, force: true });
  }
  console.log(`\nLoad average (1 min): ${loadBefore.toFixed(1)} → ${os.loadavg()[0]!.toFixed(1)}`);
}

if (process.argv[2] === '--worker') worker(process.argv[3]!);
else await main();
