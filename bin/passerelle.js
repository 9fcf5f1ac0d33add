#!/usr/bin/env node
// The `passerelle` command. The sources are TypeScript run through tsx, so a fresh clone needs no build step
// for the server; only the web app is bundled (by `passerelle start`, when its bundle is missing or stale).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
await main(process.argv);
