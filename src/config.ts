import path from 'node:path';

/** Runtime settings, read once from the environment. */
export interface Config {
  /** postgres://… when set; otherwise the embedded PGlite database in `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  port: number;
  host: string;
  /** The address users reach the app at; used in e-mail links and for the CSRF origin check. */
  publicUrl: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Serve cookies with the Secure flag (behind HTTPS). */
  secureCookies: boolean;
  logLevel: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  const host = env.HOST ?? '0.0.0.0';
  const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, '');
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.PASSERELLE_DATA_DIR ?? 'data'),
    port,
    host,
    publicUrl,
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM ?? 'Passerelle <no-reply@passerelle.example>',
    secureCookies: env.SECURE_COOKIES ? env.SECURE_COOKIES === 'true' : publicUrl.startsWith('https://'),
    logLevel: env.LOG_LEVEL ?? 'info',
  };
}
