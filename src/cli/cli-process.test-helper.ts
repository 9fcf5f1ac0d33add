// Runs the real `passerelle` command as a child process, the way an operator does, for the CLI tests.
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { createPostgresDatabase } from '../../test/helpers/database.ts';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const bin = fileURLToPath(new URL('../../bin/passerelle.js', import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The environment a child sees: the test's, minus database settings, plus `env`. */
function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const { DATABASE_URL: _url, PASSERELLE_DATA_DIR: _dir, ...rest } = process.env;
  return { ...rest, LOG_LEVEL: 'warn', NO_COLOR: '1', ...env };
}

/** Spawns `node bin/passerelle.js …args` and waits for it to exit. */
export function runCli(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: projectRoot, env: childEnv(env) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export interface ServeProcess {
  child: ChildProcess;
  url: string;
  output(): string;
  /** Resolves with the exit code (or the signal's name) once the process has ended. */
  exited: Promise<number | string | null>;
}

/** A TCP port that was free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Spawns `passerelle serve` on a free loopback port and resolves once it announces it is running; rejects with
 * its output if it exits first. The web bundle is not rebuilt: these tests are about the process, not the SPA.
 */
export async function startServe(env: Record<string, string>, extraArgs: string[] = []): Promise<ServeProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [bin, 'serve', '--no-web-build', ...extraArgs], {
    cwd: projectRoot,
    env: childEnv({ HOST: '127.0.0.1', PORT: String(port), PUBLIC_URL: url, ...env }),
  });
  let output = '';
  const exited = new Promise<number | string | null>((resolve) =>
    child.on('close', (code, signal) => resolve(code ?? signal)),
  );
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Passerelle is running')) resolve();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) => reject(new Error(`serve exited (${code}) before it was ready:\n${output}`)));
  });
  return { child, url, output: () => output, exited };
}

/** A new, empty database on the TEST_DATABASE_URL server, and the function that drops it. */
export function createCliPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  return createPostgresDatabase(process.env.TEST_DATABASE_URL!, 'passerelle_cli');
}
