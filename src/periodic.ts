import type { FastifyBaseLogger } from 'fastify';

/**
 * Runs `task` every `intervalMs` (first run after `firstDelayMs`), one run at a time, logging failures instead of
 * crashing. Returns a function that stops it and waits for a run in progress. Jobs keep their state in the
 * database, so several app nodes may run them side by side.
 */
export function every(
  name: string,
  intervalMs: number,
  task: () => Promise<unknown>,
  logger: Pick<FastifyBaseLogger, 'error'>,
  firstDelayMs = intervalMs,
): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const run = () => {
    if (stopped) return;
    running = running.then(() =>
      task().catch((error: unknown) => logger.error({ err: error, job: name }, 'periodic job failed')),
    );
  };
  const first = setTimeout(() => {
    run();
    timer = setInterval(run, intervalMs);
  }, firstDelayMs);
  let timer: NodeJS.Timeout | undefined;
  return async () => {
    stopped = true;
    clearTimeout(first);
    if (timer) clearInterval(timer);
    await running;
  };
}
