import type { FastifyInstance } from 'fastify';
import type { Config } from './config.ts';
import { openDatabase, type Database } from './db/client.ts';
import { migrateDatabase } from './db/migrate.ts';
import { buildApp } from './http/app.ts';
import { OutboxDelivery } from './modules/notifications/delivery.ts';
import { demoAccounts, isDatabaseEmpty, loadDemoData } from './demo/load.ts';
import { remindAndFlagStaleProfiles } from './modules/experts/staleness.ts';
import { closeExpiredCalls } from './modules/assignments/lifecycle.ts';
import { sendCallDigests } from './modules/applications/alerts.ts';
import { sendDueSurveys } from './modules/missions/surveys/job.ts';
import { every } from './periodic.ts';

export interface RunningServer {
  app: FastifyInstance;
  database: Database;
  url: string;
  stop(): Promise<void>;
}

/** Opens and migrates the database, loads demo data if asked and empty, serves HTTP and runs the outbox. */
export async function startServer(config: Config, options: { demoIfEmpty?: boolean } = {}): Promise<RunningServer> {
  const logger = { level: config.logLevel };
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.databaseUrl ? undefined : config.dataDir,
    onStaleLock: (owner) =>
      console.warn(
        `Replacing a stale lock left by process ${owner.pid} (started ${owner.startedAt}), which is no longer running.`,
      ),
  });
  try {
    await migrateDatabase(database);
    if (options.demoIfEmpty && (await isDatabaseEmpty(database.db))) {
      await loadDemoData(database.db);
      console.log('Loaded the demo data into the empty database.');
    }
    const app = await buildApp({ database, config, logger });
    const delivery = new OutboxDelivery({
      db: database.db,
      smtpUrl: config.smtpUrl,
      mailFrom: config.mailFrom,
      logger: app.log,
    });
    const stopDelivery = delivery.start();
    // Yearly re-confirmation of interest: checked hourly, the first time a minute after start.
    const stopStaleness = every(
      'stale-profiles',
      60 * 60 * 1000,
      () => remindAndFlagStaleProfiles(database.db, new Date(), config.publicUrl),
      app.log,
      60 * 1000,
    );
    // Calls close at their deadline (23:59:59 Morocco time): checked every minute, the first time 20 s after start.
    const stopCallClosing = every(
      'close-expired-calls',
      60 * 1000,
      () => closeExpiredCalls(database.db, new Date(), config.publicUrl),
      app.log,
      20 * 1000,
    );
    // Experts' daily digest of new calls that fit them: checked hourly (each expert at most once a day).
    const stopCallDigests = every(
      'call-digests',
      60 * 60 * 1000,
      () => sendCallDigests(database.db, new Date(), config.publicUrl),
      app.log,
      2 * 60 * 1000,
    );
    // Knowledge-transfer surveys of missions: sent on their due day and reminded a week later, checked hourly.
    const stopMissionSurveys = every(
      'mission-surveys',
      60 * 60 * 1000,
      () => sendDueSurveys(database.db, new Date(), config.publicUrl),
      app.log,
      3 * 60 * 1000,
    );
    await app.listen({ port: config.port, host: config.host });
    const url = config.publicUrl;
    let stopping: Promise<void> | undefined;
    return {
      app,
      database,
      url,
      stop() {
        stopping ??= (async () => {
          await stopStaleness();
          await stopCallClosing();
          await stopCallDigests();
          await stopMissionSurveys();
          await stopDelivery();
          await app.close();
          await database.close();
        })();
        return stopping;
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}

export function describeDemoAccounts(): string {
  return demoAccounts
    .map(
      (account) =>
        `  ${account.role.padEnd(18)} ${account.email.padEnd(34)} passerelle-demo${account.totp ? '  (TOTP secret JBSWY3DPEHPK3PXP)' : ''}`,
    )
    .join('\n');
}
