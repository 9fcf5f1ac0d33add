import { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { DataDirLockedError } from '../db/lock.ts';
import { describeDemoAccounts, startServer } from '../server.ts';
import { buildWeb, webBuildIsStale } from './web-build.ts';
import { withDatabase } from './database.ts';
import { isDatabaseEmpty, loadDemoData } from '../demo/load.ts';
import { registerMaintenanceCommands } from './maintenance.ts';

async function serve({ demoIfEmpty, webBuild = true }: { demoIfEmpty: boolean; webBuild?: boolean }): Promise<void> {
  const config = loadConfig();
  if (webBuild && webBuildIsStale()) {
    console.log('Building the web app (first start or changed sources)…');
    await buildWeb();
  }
  const server = await startServer(config, { demoIfEmpty });
  const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${config.dataDir}`;
  console.log(`\nPasserelle is running at ${server.url}  (database: ${where})`);
  console.log(`API documentation: ${server.url}/api/docs`);
  if (demoIfEmpty) console.log(`Demo accounts (they exist only in demo data):\n${describeDemoAccounts()}\n`);
  const shutdown = async (signal: string) => {
    console.log(`\n${signal}: stopping…`);
    await server.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

/** Runs the `passerelle` command line. */
export async function main(argv: string[]): Promise<void> {
  const program = new Command('passerelle')
    .description('Passerelle: diaspora knowledge-transfer programmes, end to end.')
    .showHelpAfterError();

  program
    .command('start')
    .description('npm start: build, migrate, load demo if empty, serve')
    .action(() => serve({ demoIfEmpty: true }));
  program
    .command('serve')
    .description('migrate, then serve the API and web app on PORT')
    .option('--demo', 'load the demo data when the database is empty', false)
    // For deployments that ship a prebuilt dist/web, and for tests that only need the API.
    .option('--no-web-build', 'do not rebuild a stale dist/web (or serve the API alone)')
    .action((options: { demo: boolean; webBuild: boolean }) =>
      serve({ demoIfEmpty: options.demo, webBuild: options.webBuild }),
    );
  program
    .command('migrate')
    .description('apply the database migrations, then exit')
    .action(() => withDatabase(async () => console.log('Migrations applied.')));
  program
    .command('demo')
    .description('load the demo data (only into an empty database)')
    .action(() =>
      withDatabase(async (database) => {
        if (!(await isDatabaseEmpty(database.db))) {
          console.error('The database already holds accounts: the demo data is only loaded into an empty database.');
          process.exitCode = 1;
          return;
        }
        await loadDemoData(database.db);
        console.log(`Demo data loaded. Accounts:\n${describeDemoAccounts()}`);
      }),
    );
  program
    .command('build-web')
    .description('bundle the web app into dist/web')
    .action(async () => {
      await buildWeb();
      console.log('Web app built in dist/web.');
    });
  registerMaintenanceCommands(program);
  // bin/passerelle.js runs `allocate` without loading this file; the entry here lists it in --help.
  program
    .command('allocate')
    .description('solve an allocation round from a JSON file, exactly')
    .option('--input <file>', 'the round: experts, assignments, edges, locked, excluded')
    .option('--output <file>', 'write the result there instead of stdout')
    .action(async (options: { input?: string; output?: string }) => {
      const { runAllocate } = await import('../matching/cli.ts');
      const args = [
        ...(options.input ? ['--input', options.input] : []),
        ...(options.output ? ['--output', options.output] : []),
      ];
      process.exitCode = await runAllocate(args);
    });

  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      console.error(`\n${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}
