#!/usr/bin/env node
// The `passerelle` command. The sources are TypeScript run through tsx, so a fresh clone needs no build step
// for the server; only the web app is bundled (by `passerelle start`, when its bundle is missing or stale).
import { register } from 'tsx/esm/api';

register();
if (process.argv[2] === 'allocate') {
  // Fast path: the allocation command needs none of the server, whose modules take most of a start-up to load.
  const { runAllocate } = await import('../src/matching/cli.ts');
  process.exitCode = await runAllocate(process.argv.slice(3));
} else {
  const { main } = await import('../src/cli/main.ts');
  await main(process.argv);
}
