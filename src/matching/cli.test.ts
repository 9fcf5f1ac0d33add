import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/cli-process.test-helper.ts';

const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-allocate-'));
afterAll(() => fs.rmSync(directory, { recursive: true, force: true }));

/** The example round, optionally spoilt, written to a file of its own. */
function roundFile(name: string, spoil: (round: Record<string, unknown[]>) => void = () => {}): string {
  const round: Record<string, unknown[]> = {
    experts: [{ id: 'e1', capacity: 1 }],
    assignments: [{ id: 'a1', slots: 2 }],
    edges: [{ expert: 'e1', assignment: 'a1', score: 0.83 }],
    locked: [{ expert: 'e1', assignment: 'a1' }],
    excluded: [],
  };
  spoil(round);
  const file = path.join(directory, `${name}.json`);
  fs.writeFileSync(file, JSON.stringify(round));
  return file;
}

describe('passerelle allocate', () => {
  it('prints the allocation as JSON on stdout', async () => {
    const result = await runCli(['allocate', '--input', roundFile('valid')]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('{"pairs":[{"expert":"e1","assignment":"a1","score":0.83}],"filled":1,"total":0.83}\n');
  });

  it('writes the result to --output instead', async () => {
    const output = path.join(directory, 'result.json');
    const result = await runCli(['allocate', '--input', roundFile('valid-file'), '--output', output]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(JSON.parse(fs.readFileSync(output, 'utf8'))).toEqual({
      pairs: [{ expert: 'e1', assignment: 'a1', score: 0.83 }],
      filled: 1,
      total: 0.83,
    });
  });

  const refusals: [string, (round: Record<string, unknown[]>) => void, string][] = [
    [
      'an unknown id',
      (r) => r.edges!.push({ expert: 'e9', assignment: 'a1', score: 0.5 }),
      'edges[1] ("e9" → "a1"): unknown expert "e9"',
    ],
    ['a negative capacity', (r) => (r.experts = [{ id: 'e1', capacity: -1 }]), 'experts[0] ("e1"): capacity must be'],
    [
      'a score outside [0, 1]',
      (r) => (r.edges = [{ expert: 'e1', assignment: 'a1', score: 1.5 }]),
      'edges[0] ("e1" → "a1"): score must be',
    ],
    [
      'a lock that breaks a capacity',
      (r) => {
        r.assignments!.push({ id: 'a2', slots: 1 });
        r.edges!.push({ expert: 'e1', assignment: 'a2', score: 0.4 });
        r.locked!.push({ expert: 'e1', assignment: 'a2' });
      },
      'locked[1] ("e1" → "a2"): locks exceed the capacity of expert "e1"',
    ],
  ];
  it.each(refusals)('refuses %s, names the entry and writes nothing', async (name, spoil, message) => {
    const output = path.join(directory, `${name}.out.json`);
    const result = await runCli(['allocate', '--input', roundFile(name, spoil), '--output', output]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(message);
    expect(result.stdout).toBe('');
    expect(fs.existsSync(output)).toBe(false);
  });

  it('refuses a file that is not JSON, and a missing --input', async () => {
    const broken = path.join(directory, 'broken.json');
    fs.writeFileSync(broken, '{"experts": [');
    const notJson = await runCli(['allocate', '--input', broken]);
    expect(notJson.code).toBe(1);
    expect(notJson.stderr).toContain('not valid JSON');
    const noInput = await runCli(['allocate']);
    expect(noInput.code).toBe(2);
    expect(noInput.stderr).toContain('--input is required');
  });

  it('is listed by passerelle --help', async () => {
    const result = await runCli(['--help']);
    expect(result.stdout).toMatch(/allocate \[options\]/);
  });
});
