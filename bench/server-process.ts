import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { fileURLToPath } from 'node:url';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));

/** A `passerelle serve` process on a loopback port. */
export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** What the process wrote, for the error message when it fails to start. */
  output(): string;
}

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Spawns `node bin/passerelle.js serve` exactly as an operator would, on 127.0.0.1 only. `database` is either a
 * PGlite data directory or a postgres:// URL. Request logging is turned down to warnings so that the figures
 * measure the application, not the terminal.
 */
export async function spawnServer(
  database: { dataDir: string } | { url: string },
  demo = false,
): Promise<ServerProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: url,
    LOG_LEVEL: 'warn',
    SMTP_URL: '',
    DATABASE_URL: 'url' in database ? database.url : '',
    PASSERELLE_DATA_DIR: 'dataDir' in database ? database.dataDir : '',
  };
  const child = spawn(process.execPath, ['bin/passerelle.js', 'serve', ...(demo ? ['--demo'] : [])], {
    cwd: projectRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    // Only the tail matters for a failure message; keep memory bounded over long runs.
    output = (output + chunk.toString()).slice(-8_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  return { url, child, output: () => output };
}

/** Polls /healthz every 10 ms until it answers 200; returns the milliseconds since `startedAt`. */
export async function waitHealthy(server: ServerProcess, startedAt: number, timeoutMs = 120_000): Promise<number> {
  const deadline = startedAt + timeoutMs;
  while (performance.now() < deadline) {
    if (server.child.exitCode !== null) {
      throw new Error(`the server exited with code ${server.child.exitCode}:\n${server.output()}`);
    }
    try {
      const response = await fetch(`${server.url}/healthz`, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) return performance.now() - startedAt;
      await response.body?.cancel();
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`/healthz did not answer 200 within ${timeoutMs} ms:\n${server.output()}`);
}

/** Stops the server with SIGTERM (it releases the PGlite lock), and SIGKILL if it hangs. */
export async function stopServer(server: ServerProcess, graceMs = 15_000): Promise<void> {
  const { child } = server;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/** Signs in through the API as a browser would (Origin header) and returns the session cookie. */
export async function signIn(server: ServerProcess, email: string, password = 'passerelle-demo'): Promise<string> {
  const response = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify({ email, password }),
  });
  const cookie = response.headers.getSetCookie().find((value) => value.startsWith('passerelle_session='));
  if (response.status !== 200 || !cookie)
    throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  return cookie.split(';')[0]!;
}
